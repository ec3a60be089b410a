import jug.core.Jug;
import jug.core.Task;

/** N independent tasks (shape "independent") or a chain of N tasks (shape "chain"), as jug's own tests use. */
public class Jugfile {
    static int inc(int x) {
        return x + 1;
    }

    public static void define(Jug jug) {
        String shape = jug.args().get(0);
        int n = Integer.parseInt(jug.args().get(1));
        if (shape.equals("chain")) {
            Task<Integer> t = jug.task(Jugfile::inc, 0);
            for (int i = 1; i < n; i++) {
                t = jug.task(Jugfile::inc, t);
            }
        } else {
            for (int i = 0; i < n; i++) {
                jug.task(Jugfile::inc, i);
            }
        }
    }
}
