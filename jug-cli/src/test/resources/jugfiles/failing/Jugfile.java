import jug.core.Jug;
import jug.core.Task;

/** Python jug's tests/jugfiles/failing.py: 10 tasks of which 3 throw, each feeding a plus1 (20 tasks). */
public class Jugfile {
    static int someFail(int x) {
        if (x == 2 || x == 5 || x == 8) {
            throw new IllegalArgumentException("bad " + x);
        }
        return x;
    }

    static int plus1(int x) {
        return x + 1;
    }

    public static void define(Jug jug) {
        for (int x = 0; x < 10; x++) {
            Task<Integer> f = jug.task(Jugfile::someFail, x);
            jug.task(Jugfile::plus1, f);
        }
    }
}
