import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import jug.core.Jug;
import jug.core.NoHash;

/** N tasks that each log their number to a side file and return 256 KB of incompressible bytes. */
public class Jugfile {
    static byte[] blob(int n, String log) throws IOException {
        Files.writeString(Path.of(log), n + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        byte[] bytes = new byte[256 * 1024];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    public static void define(Jug jug) {
        int n = Integer.parseInt(jug.args().get(0));
        NoHash<String> log = NoHash.of(jug.args().get(1));
        for (int i = 0; i < n; i++) {
            jug.task(Jugfile::blob, i, log);
        }
    }
}
