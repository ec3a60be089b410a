import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;

/**
 * The SLURM test's workload: 40 independent steps of about 50 ms, then a summary of them. Each task, as it runs,
 * appends a line to a side log (the jugfile's one argument): its name and the SLURM array task that ran it, such as
 * {@code step 17 3} or {@code summary - 2}, so the test can tell that every task ran exactly once and which worker
 * ran it.
 */
public class Jugfile {
    static final int STEPS = 40;

    static int step(int n, String log) throws IOException, InterruptedException {
        Thread.sleep(50);
        record(log, "step " + n);
        return n * n;
    }

    static long summary(List<Integer> squares, String log) throws IOException {
        record(log, "summary -");
        return squares.stream().mapToLong(Integer::longValue).sum();
    }

    /** One line per run, in one append (atomic for a short line): workers on one machine may write at once. */
    private static void record(String log, String task) throws IOException {
        String line = task + " " + System.getenv().getOrDefault("SLURM_ARRAY_TASK_ID", "none") + "\n";
        Files.writeString(Path.of(log), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public static void define(Jug jug) {
        NoHash<String> log = NoHash.of(jug.args().get(0));
        List<Task<Integer>> squares = new ArrayList<>();
        for (int n = 0; n < STEPS; n++) {
            squares.add(jug.task(Jugfile::step, n, log));
        }
        jug.task(Jugfile::summary, squares, log);
    }
}
