package jug.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.tool.JavaShellToolBuilder;
import jug.core.jugfile.Jugfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "shell", description = "Opens a JShell session on the jugfile, its classes and its stored results: "
        + "value(task) reads a result; tasks(), tasks(pattern) and task(pattern) find tasks; invalidate(task) "
        + "removes a result and everything downstream; status() prints the status table; state(task); reload().")
final class ShellCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Jugfile loaded;
        try (Session session = jugfile.open(spec.commandLine().getErr())) {
            session.evaluate(false); // declaration errors are reported here, as by every other command
            loaded = session.jugfile();
        }
        Path dir = Files.createTempDirectory("jug-shell");
        try {
            List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path")));
            if (loaded.writeClasses(dir.resolve("classes"))) {
                classpath.add(dir.resolve("classes").toString());
            }
            jugfile.common.classpath().forEach(p -> classpath.add(p.toAbsolutePath().toString()));
            Path startup = Files.writeString(dir.resolve("jug.jsh"), startup(loaded));
            PrintWriter out = spec.commandLine().getOut();
            out.println("jug shell on " + jugfile.jugfile + ". value(task) reads a stored result; tasks(), "
                    + "tasks(pattern), task(pattern), state(task), invalidate(task), status(), reload(). /exit leaves.");
            out.flush();
            // Snippets run in a JVM of JShell's own, since in-process execution ignores the class path on Java 17;
            // JShell forwards that JVM's output here. It writes to PrintStreams, so it gets System.out and err.
            int code = JavaShellToolBuilder.builder().persistence(new HashMap<>()).in(System.in, null)
                    .out(System.out).err(System.err).start("-q", "--class-path",
                            String.join(File.pathSeparator, classpath), "--startup", "DEFAULT", "--startup",
                            startup.toString());
            return code == 0 ? ExitStatus.OK.code() : ExitStatus.TASK_FAILED.code();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    /** The snippets every session starts with: the session object and the helper methods. */
    private String startup(Jugfile loaded) {
        String args = jugfile.args.stream().map(ShellCommand::literal).collect(Collectors.joining(", "));
        String classes = loaded.classNames().stream().sorted().map(ShellCommand::literal)
                .collect(Collectors.joining(", "));
        String source = loaded.source() == null ? "null" : literal(loaded.source().toAbsolutePath().toString());
        // A jugfile in the default package cannot be named from snippets (they live in a package): load it by name.
        return "import jug.core.*;\n"
                + "var jugShell = jug.cli.ShellSession.open(Class.forName(" + literal(loaded.className())
                + ", true, ClassLoader.getSystemClassLoader()), " + source + ", java.util.List.of(" + classes + "), "
                + literal(jugfile.jugfile) + ", " + literal(jugdir()) + ", " + literal(jugfile.project())
                + ", java.util.List.of(" + args + "));\n"
                + "<R> R value(Task<?> task) { return jugShell.value(task); }\n"
                + "java.util.List<Task<?>> tasks() { return jugShell.tasks(); }\n"
                + "java.util.List<Task<?>> tasks(String pattern) { return jugShell.tasks(pattern); }\n"
                + "<R> Task<R> task(String pattern) { return jugShell.task(pattern); }\n"
                + "int invalidate(Task<?> task) { return jugShell.invalidate(task); }\n"
                + "void status() { jugShell.status(); }\n"
                + "jug.core.execution.TaskState state(Task<?> task) { return jugShell.state(task); }\n"
                + "void reload() { jugShell.reload(); }\n";
    }

    /** The store location, a path made absolute: snippets run in a JVM of their own. */
    private String jugdir() {
        String jugdir = jugfile.jugdir();
        return jugdir.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") ? jugdir : Path.of(jugdir).toAbsolutePath().toString();
    }

    private static String literal(String text) {
        return Json.quote(text);
    }
}
