import java.util.ArrayList;
import java.util.List;
import jug.core.Jug;
import jug.core.Task;

public class Jugfile {
    static int twice(int n) {
        return n * 2;
    }

    static long countTrue(List<Boolean> flags) {
        return flags.stream().filter(f -> f).count();
    }

    public static void define(Jug jug) {
        List<Task<Integer>> doubled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            doubled.add(jug.task(Jugfile::twice, i));
        }
        jug.task(Jugfile::countTrue, doubled);
    }
}
