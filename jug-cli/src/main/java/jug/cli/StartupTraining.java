package jug.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code scripts/jug} runs once per build, with {@code -XX:ArchiveClassesAtExit}, to record the classes a jug
 * command loads into a class-data-sharing archive: a small jugfile is executed, its status shown, and a Redis store
 * opened (the connection fails at once, which is enough to load the client). Later commands then start from the
 * archive instead of loading and verifying those classes one by one.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path jugfile = dir.resolve("Jugfile.java");
        Files.writeString(jugfile, """
                import java.util.List;
                import jug.core.Jug;
                import jug.core.Task;

                public class Jugfile {
                    static int square(int x) { return x * x; }
                    static int sum(List<Integer> xs) { return xs.stream().mapToInt(Integer::intValue).sum(); }
                    public static void define(Jug jug) {
                        var squares = List.of(jug.task(Jugfile::square, 1), jug.task(Jugfile::square, 2));
                        jug.task(Jugfile::sum, squares);
                    }
                }
                """);
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        try {
            String file = jugfile.toString();
            JugCommand.run("status", file);
            JugCommand.run("execute", file);
            JugCommand.run("status", file, "--short");
            JugCommand.run("check", file);
            JugCommand.run("status", file, "--jugdir", "redis://127.0.0.1:1/?retry=0");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
