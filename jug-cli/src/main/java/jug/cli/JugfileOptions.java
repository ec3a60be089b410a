package jug.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jug.core.JugfileException;
import jug.core.jugfile.Jugfile;
import jug.core.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The options every command that reads a jugfile shares: which jugfile, its arguments, its store, class path. */
final class JugfileOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "JUGFILE", defaultValue = "Jugfile.java",
            description = "The Jugfile.java to run (default: ${DEFAULT-VALUE}), or the name of a compiled class "
                    + "on --classpath.")
    String jugfile;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "Arguments for the jugfile (Jug.args()); put them after -- if they start with a dash.")
    List<String> args = new ArrayList<>();

    @Mixin
    CommonOptions common = new CommonOptions();

    /** Options for a command that takes the jugfile and its arguments at other positions (such as {@code show}). */
    static JugfileOptions of(String jugfile, List<String> args, CommonOptions common) {
        JugfileOptions options = new JugfileOptions();
        options.jugfile = jugfile;
        options.args = args == null ? new ArrayList<>() : args;
        options.common = common;
        return options;
    }

    /** Compiles (or takes from the cache) and loads the jugfile. */
    Jugfile load() {
        if (isClassName()) {
            return Jugfile.precompiled(jugfile, common.classpath());
        }
        return Jugfile.compile(Path.of(jugfile), jugfile, common.classpath());
    }

    /** Loads the jugfile and opens its store; warnings (corrupt results met by barriers) go to {@code warnings}. */
    Session open(Consumer<String> warnings) {
        Jugfile loaded = load();
        return new Session(loaded, Store.open(jugdir(), project()), args, warnings);
    }

    /** {@link #open(Consumer)}, with warnings printed as {@code jug: warning: ...} lines on {@code err}. */
    Session open(PrintWriter err) {
        return open(w -> {
            err.println("jug: warning: " + w);
            err.flush();
        });
    }

    /**
     * Opens only the store, for commands that need no task list; without --jugdir the jugfile must exist, so that a
     * mistyped path is not taken for an empty store.
     */
    Store openStore() {
        if (common.jugdir == null && !isClassName() && !Files.isRegularFile(Path.of(jugfile))) {
            throw new JugfileException(jugfile + ": no such jugfile; give the path of a Jugfile.java, or the store "
                    + "with --jugdir");
        }
        return Store.open(jugdir(), project());
    }

    /**
     * The store location: {@code --jugdir}, else the jugfile's path without {@code .java} plus {@code .jugdata}.
     * As in Python jug, {@code %(jugfile)s} in it stands for that path without {@code .java} and {@code %(date)s}
     * for today's date ({@code 2026-11-25}).
     */
    String jugdir() {
        String stem = stem();
        if (common.jugdir == null) {
            return stem + ".jugdata";
        }
        return common.jugdir.replace("%(jugfile)s", stem).replace("%(date)s", java.time.LocalDate.now().toString());
    }

    /** The jugfile's path without {@code .java}: what the default store and graph file are named after. */
    String stem() {
        return jugfile.endsWith(".java") ? jugfile.substring(0, jugfile.length() - 5) : jugfile;
    }

    /** The pipeline's stable name: the jugfile's absolute, normalised path, or the class name of a compiled one. */
    String project() {
        return isClassName() ? jugfile : Path.of(jugfile).toAbsolutePath().normalize().toString();
    }

    private boolean isClassName() {
        return !jugfile.endsWith(".java") && !Files.exists(Path.of(jugfile))
                && jugfile.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    }
}
