package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The primes example, run as the README says, by real jug processes. */
class PrimesExampleIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void primesCompletesAndStatusShowsEverythingFinished() throws Exception {
        Files.copy(Path.of(System.getProperty("examples.dir"), "primes/Jugfile.java"), dir.resolve("Jugfile.java"));
        assertThat(jug("execute", "Jugfile.java").exitCode).isZero();
        assertThat(dir.resolve("primes.txt")).hasContent("Found 168 primes below 1000.");
        Run status = jug("status", "Jugfile.java");
        assertThat(status.exitCode).isZero();
        assertThat(status.out).containsPattern("\\s0\\s+0\\s+0\\s+998\\s+0\\s+Jugfile.isPrime")
                .containsPattern("\\s0\\s+0\\s+0\\s+1000\\s+0\\s+Total");
    }

    private record Run(int exitCode, String out) {
    }

    private Run jug(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jug.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JUG_CACHE_DIR", cache.toString());
        Process p = builder.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            return new Run(p.exitValue(), out);
        } finally {
            p.destroyForcibly();
        }
    }
}
