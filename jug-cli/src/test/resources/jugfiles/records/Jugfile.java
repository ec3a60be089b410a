import java.nio.file.Path;
import jug.core.Jug;

/** Results of the jugfile's own types, and a task argument taken from where the jugfile is. */
public class Jugfile {
    record Point(int x, int y) {
    }

    static Point point(int x, String where) {
        return new Point(x, where.length());
    }

    public static void define(Jug jug) {
        Path here = jug.source().orElseThrow().toAbsolutePath().getParent();
        jug.task(Jugfile::point, 3, here.getFileName().toString());
    }
}
