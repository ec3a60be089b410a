import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.Task;

/** Tasklets, mapReduce, map with chunks, reduce, a compound task and a named task, reported to a file. */
public class Jugfile {
    record Fit(double slope, double intercept) {
    }

    static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    static Fit fit(int scale) {
        return new Fit(2.0 * scale, 1.0);
    }

    static long square(int x) {
        return (long) x * x;
    }

    static long add(long a, long b) {
        return a + b;
    }

    static double times(double slope, int k) {
        return slope * k;
    }

    static Task<Long> sumOfSquares(Jug jug, int n) {
        List<Task<Long>> squares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            squares.add(jug.task(Jugfile::square, i));
        }
        return jug.reduce(Jugfile::add, squares);
    }

    static String report(String out, long mapReduced, List<Long> mapped, long reduced, long compound, double scaled,
            int third) throws IOException {
        String text = "mapReduce=" + mapReduced + " map=" + mapped + " reduce=" + reduced + " compound=" + compound
                + " scaled=" + scaled + " third=" + third + "\n";
        Files.writeString(Path.of(out), text);
        return text;
    }

    public static void define(Jug jug) {
        List<Integer> inputs = range(10);
        Task<Long> mapReduced = jug.mapReduce(Jugfile::add, Jugfile::square, inputs, 3, 2);
        List<Task<Long>> mapped = jug.map(Jugfile::square, inputs.subList(0, 5), 2);
        Task<Long> reduced = jug.reduce(Jugfile::add, List.of(1L, 2L, 3L, 4L, 5L), 2);
        Task<Long> compound = jug.compound(Jugfile::sumOfSquares, 4);
        Task<Fit> fit = jug.named("fitting").task(Jugfile::fit, 3);
        Task<Double> scaled = jug.task(Jugfile::times, fit.map(Fit::slope), 10);
        Task<List<Integer>> numbers = jug.task(Jugfile::range, 5);
        jug.task(Jugfile::report, jug.args().get(0), mapReduced, mapped, reduced, compound, scaled, numbers.get(3));
    }
}
