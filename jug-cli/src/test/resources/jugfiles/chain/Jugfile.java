import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;

/** Ten squares (each logged when computed) summed by one task that also logs. */
public class Jugfile {
    static double[] square(int n, String log) throws IOException {
        Files.writeString(Path.of(log), "square " + n + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new double[] {n * n, n};
    }

    static double sum(List<double[]> squares, String log) throws IOException {
        double total = squares.stream().mapToDouble(s -> s[0]).sum();
        Files.writeString(Path.of(log), "sum " + total + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return total;
    }

    public static void define(Jug jug) {
        NoHash<String> log = NoHash.of(jug.args().get(0));
        List<Task<double[]>> squares = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            squares.add(jug.task(Jugfile::square, i, log));
        }
        jug.task(Jugfile::sum, squares, log);
    }
}
