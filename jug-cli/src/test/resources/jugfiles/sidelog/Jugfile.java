import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;

/** 500 independent tasks that each append their number to a side log, then one task that sums them. */
public class Jugfile {
    static int square(int n, String log) throws IOException, InterruptedException {
        Files.writeString(Path.of(log), n + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(2);
        return n * n;
    }

    static long sum(List<Integer> squares, String log) throws IOException {
        Files.writeString(Path.of(log), "sum\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return squares.stream().mapToLong(Integer::longValue).sum();
    }

    public static void define(Jug jug) {
        int n = Integer.parseInt(jug.args().get(0));
        NoHash<String> log = NoHash.of(jug.args().get(1));
        List<Task<Integer>> squares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            squares.add(jug.task(Jugfile::square, i, log));
        }
        jug.task(Jugfile::sum, squares, log);
    }
}
