import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.Task;

/** Four tasks, a barrier, then one task per first-layer task and a total (9 tasks once past the barrier). */
public class Jugfile {
    static int first(int i) {
        return i + 1;
    }

    static int second(int x) {
        return 10 * x;
    }

    static int total(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).sum();
    }

    public static void define(Jug jug) {
        List<Task<Integer>> firsts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firsts.add(jug.task(Jugfile::first, i));
        }
        jug.barrier();
        List<Task<Integer>> seconds = new ArrayList<>();
        for (Task<Integer> f : firsts) {
            seconds.add(jug.task(Jugfile::second, f));
        }
        jug.task(Jugfile::total, seconds);
    }
}
