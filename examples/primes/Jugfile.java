import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.Task;

/**
 * jug's classic demo: one task per number tests primality, a reducer counts the primes, and a last task writes the
 * answer to a file. Run it with {@code scripts/jug execute examples/primes/Jugfile.java}, in as many terminals at
 * once as you like, and watch {@code scripts/jug status examples/primes/Jugfile.java}.
 */
public class Jugfile {
    static boolean isPrime(int n) throws InterruptedException {
        Thread.sleep(5); // pretend each test is real work, so that several workers visibly share it
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    static long countPrimes(List<Boolean> flags) {
        return flags.stream().filter(f -> f).count();
    }

    static String writeOutput(long count, String path) throws IOException {
        String text = "Found " + count + " primes below 1000.\n";
        Files.writeString(Path.of(path), text);
        return text;
    }

    public static void define(Jug jug) {
        List<Task<Boolean>> flags = new ArrayList<>();
        for (int n = 2; n < 1000; n++) {
            flags.add(jug.task(Jugfile::isPrime, n));
        }
        Task<Long> count = jug.task(Jugfile::countPrimes, flags);
        jug.task(Jugfile::writeOutput, count, jug.args().isEmpty() ? "primes.txt" : jug.args().get(0));
    }
}
