package jug.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of every command that reads a jugfile, apart from the jugfile and its arguments: store, class path. */
final class CommonOptions {
    @Option(names = "--jugdir", paramLabel = "DIR|URL",
            description = "Where results and locks live: a directory, or a store URL such as redis://host/ "
                    + "(default: the jugfile's path without .java, plus .jugdata).")
    String jugdir;

    @Option(names = "--classpath", split = ":", paramLabel = "PATH",
            description = "Jars or directories that the jugfile uses, separated by ':'.")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
