package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        ExampleJug jug = new ExampleJug(dir, cache);
        jug.run("execute", "Jugfile.java"); // checks the exit code is 0
        assertThat(dir.resolve("primes.txt")).hasContent("Found 168 primes below 1000.");
        String status = jug.run("status", "Jugfile.java"); // checks the exit code is 0
        assertThat(status).containsPattern("\\s0\\s+0\\s+0\\s+998\\s+0\\s+Jugfile.isPrime")
                .containsPattern("\\s0\\s+0\\s+0\\s+1000\\s+0\\s+Total");
    }
}
