package jug.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jug.core.JugfileException;
import picocli.CommandLine.Option;

/** The options of every command that reads a jugfile, apart from the jugfile and its arguments: store, class path. */
final class CommonOptions {
    @Option(names = "--jugdir", paramLabel = "DIR|URL",
            description = "Where results and locks live: a directory, or a store URL such as redis://host/ "
                    + "(default: the jugfile's path without .java, plus .jugdata).")
    String jugdir;

    @Option(names = "--classpath", split = ":", paramLabel = "PATH",
            description = "Jars or directories that the jugfile uses, separated by ':'; DIR/* stands for every jar "
                    + "in DIR (quote it, as for java -cp).")
    List<String> classpathEntries = new ArrayList<>();

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    /** The class path entries, each {@code DIR/*} expanded to the jars in DIR in name order. */
    List<Path> classpath() {
        List<Path> paths = new ArrayList<>();
        for (String entry : classpathEntries) {
            if (!entry.endsWith("/*")) {
                paths.add(Path.of(entry));
                continue;
            }
            Path dir = Path.of(entry.substring(0, entry.length() - 2));
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(paths::add);
            } catch (IOException e) {
                throw new JugfileException("--classpath " + entry + ": cannot list " + dir + " (" + e.getMessage()
                        + "); give an existing directory of jars");
            }
        }
        return paths;
    }
}
