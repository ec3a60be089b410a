package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptedResultIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void aDamagedResultIsReportedRemovedAndComputedAgain() throws Exception {
        corruptOneSquareAndRerun(bytes -> bytes[bytes.length / 2] ^= 0x10);
    }

    @Test
    void aTruncatedResultIsReportedRemovedAndComputedAgain() throws Exception {
        corruptOneSquareAndRerun(null);
    }

    private void corruptOneSquareAndRerun(java.util.function.Consumer<byte[]> damage) throws Exception {
        JugProcess.jugfile("chain", dir);
        Path log = dir.resolve("side.log");
        JugProcess jug = new JugProcess(dir, cache);
        jug.run("execute", "Jugfile.java", "--", log.toString()).assertExit(0);
        assertThat(Files.readAllLines(log)).contains("sum 285.0").hasSize(11);

        List<Path> results = resultFiles();
        Path sum = sumEntry(results);
        Path victim = results.stream().filter(p -> !p.equals(sum)).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(victim);
        if (damage == null) {
            Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } else {
            damage.accept(bytes);
            Files.write(victim, bytes);
        }
        Files.delete(sum); // the final result must be computed again, from the damaged input

        JugProcess.Result rerun = jug.run("execute", "Jugfile.java", "--", log.toString()).assertExit(0);
        assertThat(rerun.err()).contains("is corrupt").contains(victim.getFileName().toString())
                .contains("Jugfile.square").contains("computed again");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(13).endsWith("sum 285.0");
        assertThat(lines.subList(0, 12).stream().filter(l -> l.startsWith("sum"))).hasSize(1);
        assertThat(jug.run("status", "Jugfile.java", "--short", "--", log.toString()).out())
                .contains("All tasks finished (11 tasks)");
    }

    /** The sum's entry: its metadata names Jugfile.sum. */
    private static Path sumEntry(List<Path> results) throws IOException {
        for (Path p : results) {
            if (new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Jugfile.sum")) {
                return p;
            }
        }
        throw new AssertionError("no result of Jugfile.sum among " + results);
    }

    private List<Path> resultFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("Jugfile.jugdata/results"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
