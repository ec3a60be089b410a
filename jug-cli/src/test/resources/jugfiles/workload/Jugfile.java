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
 * Arguments N MILLIS VARIANT [LOG]: N tasks that each sleep MILLIS ms (and append "VARIANT i" to LOG), then one task
 * that sums them. VARIANT is part of every task's identity: another variant's results are orphans to this one.
 */
public class Jugfile {
    static int work(int i, int millis, String variant, String log) throws IOException, InterruptedException {
        if (!log.isEmpty()) {
            Files.writeString(Path.of(log), variant + " " + i + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Thread.sleep(millis);
        return i;
    }

    static long sum(List<Integer> xs, String variant, String log) throws IOException {
        if (!log.isEmpty()) {
            Files.writeString(Path.of(log), variant + " sum\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return xs.stream().mapToLong(Integer::longValue).sum();
    }

    public static void define(Jug jug) {
        int n = Integer.parseInt(jug.args().get(0));
        int millis = Integer.parseInt(jug.args().get(1));
        String variant = jug.args().get(2);
        NoHash<String> log = NoHash.of(jug.args().size() > 3 ? jug.args().get(3) : "");
        List<Task<Integer>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(jug.task(Jugfile::work, i, millis, variant, log));
        }
        jug.task(Jugfile::sum, all, variant, log);
    }
}
