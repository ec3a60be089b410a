package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real {@code jug} processes for the example ITs: the shaded jar (system property {@code jug.jar}) run in a test's
 * directory with a private compile cache, their standard output and error interleaved in one file.
 */
final class ExampleJug {
    /** A started jug process and the file its output goes to. */
    record Running(List<String> args, Process process, Path output) {
    }

    private final Path dir;
    private final Path cache;

    ExampleJug(Path dir, Path cache) {
        this.dir = dir;
        this.cache = cache;
    }

    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("jug.jar")));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("jug-example", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JUG_CACHE_DIR", cache.toString());
        return new Running(List.of(args), builder.start(), output);
    }

    /** Waits for {@code running} (at most three minutes), checks that it exited with 0, and returns its output. */
    static String finish(Running running) throws IOException, InterruptedException {
        Process p = running.process();
        try {
            boolean finished = p.waitFor(3, TimeUnit.MINUTES);
            String out = Files.readString(running.output(), StandardCharsets.UTF_8);
            assertThat(finished).as("jug %s finished within three minutes; output so far:%n%s", running.args(), out)
                    .isTrue();
            assertThat(p.exitValue()).as("exit code of jug %s; output:%n%s", running.args(), out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(running.output());
        }
    }

    /** Runs {@code jug args...} to completion and returns its output, after checking that it exited with 0. */
    String run(String... args) throws IOException, InterruptedException {
        return finish(start(args));
    }

    /** The Executed column of an execute summary's Total row. */
    static int executed(String output) {
        return output.lines().filter(l -> l.endsWith("  Total")).findFirst()
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("no Total row in:\n" + output));
    }
}
