import jug.core.Jug;

public class Jugfile {
    static int twice(int n) {
        return n * 2
    }

    public static void define(Jug jug) {
        jug.task(Jugfile::twice, 21);
    }
}
