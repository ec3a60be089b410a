import jug.core.Jug;

public class Jugfile {
    static Thread spawn(String name) {
        return new Thread(name);
    }

    public static void define(Jug jug) {
        jug.task(Jugfile::spawn, "worker");
    }
}
