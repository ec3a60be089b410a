package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jug.core.execution.TaskCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", description = "Draws the jugfile's tasks per name, with their status counts and the "
        + "dependencies between names: writes a Graphviz DOT file, and renders it as SVG or PNG when Graphviz's "
        + "dot program is installed.")
final class GraphCommand implements Callable<Integer> {
    /** What graph writes; given in any case on the command line. */
    enum Format {
        SVG, PNG, DOT;

        String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Mixin
    JugfileOptions jugfile;

    @Option(names = "--format", defaultValue = "svg", paramLabel = "svg|png|dot",
            description = "svg, png or dot (default: ${DEFAULT-VALUE}); svg and png need Graphviz's dot.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The file to write (default: the "
            + "jugfile's path without .java, plus .svg, .png or .dot); - prints the DOT text.")
    String output;

    @Option(names = "--no-status", description = "Draw plain nodes, without status counts.")
    boolean noStatus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ("-".equals(output) && format != Format.DOT) {
            throw new ParameterException(spec.commandLine(), "--output - prints DOT text only; add --format dot");
        }
        String dot;
        try (Session session = jugfile.open(spec.commandLine().getErr())) {
            Session.Evaluated evaluated = session.evaluate(false);
            TaskCounts counts = noStatus ? null : session.state(evaluated).counts();
            dot = DotGraph.render(evaluated.graph(), counts, evaluated.complete());
        }
        PrintWriter out = spec.commandLine().getOut();
        if ("-".equals(output)) {
            out.print(dot);
            out.flush();
            return ExitStatus.OK.code();
        }
        String stem = output != null ? output.replaceFirst("\\.(svg|png|dot)$", "") : jugfile.stem();
        Path target = Path.of(output != null ? output : stem + "." + format.extension());
        Path dotFile = format == Format.DOT ? target : Path.of(stem + ".dot");
        Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
        String wrote = format == Format.DOT ? "Wrote " + target + "." : render(dotFile, target);
        if (wrote == null) {
            return ExitStatus.TASK_FAILED.code();
        }
        out.println(wrote);
        out.flush();
        return ExitStatus.OK.code();
    }

    /**
     * Runs Graphviz's dot and returns what was written; without dot, the DOT file is what was written (still a
     * success, with a hint). Null if dot failed.
     */
    private String render(Path dotFile, Path target) throws IOException, InterruptedException {
        Process dot;
        try {
            dot = new ProcessBuilder("dot", "-T" + format.extension(), dotFile.toString(), "-o", target.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return "Wrote " + dotFile + ". Graphviz's dot is not installed, so no " + target + ": install graphviz, "
                    + "or run `dot -T" + format.extension() + " " + dotFile + " -o " + target + "` where it is.";
        }
        String messages = new String(dot.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (dot.waitFor() != 0) {
            spec.commandLine().getErr().println("jug: dot could not render " + dotFile + " as "
                    + format.extension() + ": " + messages);
            return null;
        }
        return "Wrote " + target + " (from " + dotFile + ").";
    }
}
