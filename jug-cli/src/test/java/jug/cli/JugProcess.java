package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts real {@code jug} processes from the shaded jar (system property {@code jug.jar}, set by failsafe) in a
 * working directory, with a private compile cache, and collects their output. Every process is killed if a test
 * gives up on it.
 */
final class JugProcess {
    /** What a finished jug process printed and returned. */
    record Result(int exitCode, String out, String err) {
        Result assertExit(int expected) {
            assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expected);
            return this;
        }
    }

    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private String input;

    JugProcess(Path workDir, Path cacheDir) {
        this.workDir = workDir;
        env.put("JUG_CACHE_DIR", cacheDir.toString());
    }

    JugProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Gives the processes started from now on {@code text} as their standard input (else they get none). */
    JugProcess input(String text) {
        input = text;
        return this;
    }

    /** Runs {@code jug args...} to completion (at most two minutes). */
    Result run(String... args) throws IOException, InterruptedException {
        return finish(start(args));
    }

    /** A started jug process whose output goes to two files in the working directory. */
    record Running(Process process, Path out, Path err) {
    }

    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "jug-out", ".txt");
        Path err = Files.createTempFile(workDir, "jug-err", ".txt");
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        if (input != null) {
            Path in = Files.createTempFile(workDir, "jug-in", ".txt");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            builder.redirectInput(in.toFile());
        }
        return new Running(builder.start(), out, err);
    }

    Result finish(Running running) throws IOException, InterruptedException {
        Process p = running.process();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("jug did not finish within two minutes");
            }
            return new Result(p.exitValue(), Files.readString(running.out(), StandardCharsets.UTF_8),
                    Files.readString(running.err(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(running.out());
            Files.deleteIfExists(running.err());
        }
    }

    /** The command line {@code words}, then {@code args}: {@code prepend(args, "status", "--short")}. */
    static String[] prepend(String[] args, String... words) {
        String[] all = Arrays.copyOf(words, words.length + args.length);
        System.arraycopy(args, 0, all, words.length, args.length);
        return all;
    }

    static String jar() {
        String jar = System.getProperty("jug.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property jug.jar must name the shaded jug jar (run with mvn verify)");
        }
        return jar;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Copies test jugfile {@code name} (under src/test/resources/jugfiles) to {@code dir}/Jugfile.java. */
    static Path jugfile(String name, Path dir) throws IOException {
        Path source = Path.of("src/test/resources/jugfiles", name, "Jugfile.java");
        Path target = dir.resolve("Jugfile.java");
        Files.copy(source, target);
        return target;
    }
}
