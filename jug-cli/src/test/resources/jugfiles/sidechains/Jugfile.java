import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;

/** Chains of short steps (each adds one and logs its chain and step), then one task that sums the chains' ends. */
public class Jugfile {
    static int first(int chain, String log) throws IOException {
        return step(0, chain, 0, log);
    }

    static int step(int previous, int chain, int step, String log) throws IOException {
        Files.writeString(Path.of(log), chain + "." + step + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return previous + 1;
    }

    static long sum(List<Integer> ends, String log) throws IOException {
        long total = ends.stream().mapToLong(Integer::longValue).sum();
        Files.writeString(Path.of(log), "sum " + total + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return total;
    }

    public static void define(Jug jug) {
        int chains = Integer.parseInt(jug.args().get(0));
        int length = Integer.parseInt(jug.args().get(1));
        NoHash<String> log = NoHash.of(jug.args().get(2));
        List<Task<Integer>> ends = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            Task<Integer> t = jug.task(Jugfile::first, c, log);
            for (int s = 1; s < length; s++) {
                t = jug.task(Jugfile::step, t, c, s, log);
            }
            ends.add(t);
        }
        jug.task(Jugfile::sum, ends, log);
    }
}
