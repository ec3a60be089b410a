import jug.core.Jug;
import jug.core.Task;

/** Python jug's barrier_recurse.py: a 2048-deep chain, a barrier, then a task that reads the chain's end. */
public class Jugfile {
    static int plus1(int x) {
        return x + 1;
    }

    static String report(int last) {
        return "chain ends at " + last;
    }

    public static void define(Jug jug) {
        Task<Integer> t = jug.task(Jugfile::plus1, 0);
        for (int i = 1; i < 2048; i++) {
            t = jug.task(Jugfile::plus1, t);
        }
        jug.barrier();
        int last = jug.value(t);
        jug.task(Jugfile::report, last);
    }
}
