import jug.core.Jug;
import jug.core.TaskFunction;

public class Jugfile {
    public static void define(Jug jug) {
        TaskFunction.F1<Integer, Integer> twice = n -> n * 2;
        jug.task(twice, 21);
    }
}
