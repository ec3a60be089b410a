import jug.core.Jug;

public class Jugfile {
    static String name(Thread thread) {
        return thread.getName();
    }

    public static void define(Jug jug) {
        jug.task(Jugfile::name, Thread.currentThread());
    }
}
