import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.Task;

/** Python jug's tests/jugfiles/simple.py: 8 chains of double → plus1 → sum2 → sum2 (32 tasks). */
public class Jugfile {
    static int doubled(int x) {
        return 2 * x;
    }

    static int plus1(int x) {
        return x + 1;
    }

    static int sum2(int a, int b) {
        return a + b;
    }

    public static void define(Jug jug) {
        List<Task<Integer>> last = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Task<Integer> d = jug.task(Jugfile::doubled, i);
            Task<Integer> p = jug.task(Jugfile::plus1, d);
            Task<Integer> s = jug.task(Jugfile::sum2, d, p);
            last.add(jug.task(Jugfile::sum2, s, i * 10));
        }
    }
}
