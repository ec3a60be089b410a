import jug.core.Jug;

public class Jugfile {
    static int inverse(int n) {
        return 100 / n;
    }

    public static void define(Jug jug) {
        jug.task(Jugfile::inverse, 4);
        jug.task(Jugfile::inverse, 0);
    }
}
