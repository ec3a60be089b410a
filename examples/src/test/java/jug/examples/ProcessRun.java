package jug.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished external command: its exit code and its output (standard output and error, interleaved). */
record ProcessRun(List<String> command, int exitCode, String output) {
    /**
     * Runs {@code command} in {@code dir} with {@code environment} added to this process's, and waits for it. A
     * command still running after {@code timeout} is killed and reported as a failed assertion.
     */
    static ProcessRun of(List<String> command, Path dir, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("process-run", ".out");
        Process p = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(String.join(" ", command) + " still runs after " + timeout.toSeconds()
                        + " s; its output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return new ProcessRun(List.copyOf(command), p.exitValue(), text);
        } finally {
            if (p != null) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(output);
        }
    }

    /** This run, after checking that it exited with 0; the assertion error quotes the command and its output. */
    ProcessRun assertSucceeded() {
        if (exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
        }
        return this;
    }
}
