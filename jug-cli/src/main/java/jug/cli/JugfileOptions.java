package jug.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jug.core.jugfile.Jugfile;
import jug.core.store.Store;
import picocli.CommandLine.Option;
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

    @Option(names = "--jugdir", paramLabel = "DIR|URL",
            description = "Where results and locks live: a directory, or a store URL such as redis://host/ "
                    + "(default: the jugfile's path without .java, plus .jugdata).")
    String jugdir;

    @Option(names = "--classpath", split = ":", paramLabel = "PATH",
            description = "Jars or directories that the jugfile uses, separated by ':'.")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    /** Compiles (or takes from the cache) and loads the jugfile. */
    Jugfile load() {
        if (isClassName()) {
            return Jugfile.precompiled(jugfile, classpath);
        }
        return Jugfile.compile(Path.of(jugfile), jugfile, classpath);
    }

    /** Loads the jugfile and opens its store; warnings (corrupt results met by barriers) go to {@code warnings}. */
    Session open(Consumer<String> warnings) {
        Jugfile loaded = load();
        return new Session(loaded, Store.open(jugdir(), project()), args, warnings);
    }

    /**
     * The store location: {@code --jugdir}, else the jugfile's path without {@code .java} plus {@code .jugdata}.
     * As in Python jug, {@code %(jugfile)s} in it stands for that path without {@code .java} and {@code %(date)s}
     * for today's date ({@code 2026-11-25}).
     */
    String jugdir() {
        String stem = jugfile.endsWith(".java") ? jugfile.substring(0, jugfile.length() - 5) : jugfile;
        if (jugdir == null) {
            return stem + ".jugdata";
        }
        return jugdir.replace("%(jugfile)s", stem).replace("%(date)s", java.time.LocalDate.now().toString());
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
