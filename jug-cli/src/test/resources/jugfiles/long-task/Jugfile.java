import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;

/** One slow task (logging its start and end with the worker's pid) that four quick tasks depend on. */
public class Jugfile {
    static void log(String file, String line) throws IOException {
        Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static int slow(int seconds, String file) throws Exception {
        log(file, "start " + ProcessHandle.current().pid());
        Thread.sleep(seconds * 1000L);
        log(file, "end " + ProcessHandle.current().pid());
        return seconds;
    }

    static int after(int slow, int i, String file) throws IOException {
        log(file, "after " + i);
        return slow + i;
    }

    public static void define(Jug jug) {
        NoHash<String> file = NoHash.of(jug.args().get(0));
        Task<Integer> slow = jug.task(Jugfile::slow, Integer.parseInt(jug.args().get(1)), file);
        for (int i = 0; i < 4; i++) {
            jug.task(Jugfile::after, slow, i, file);
        }
    }
}
