package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
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

    private void corruptOneSquareAndRerun(Consumer<byte[]> damage) throws Exception {
        JugProcess.jugfile("chain", dir);
        Path log = dir.resolve("side.log");
        JugProcess jug = new JugProcess(dir, cache);
        jug.run("execute", "Jugfile.java", "--", log.toString()).assertExit(0);
        assertThat(Files.readAllLines(log)).contains("sum 285.0").hasSize(11);

        // A result of its own, not one of a pack: a damaged pack loses all its results (see FileStoreTest).
        Path victim = resultFiles().stream().filter(p -> !p.toString().endsWith(".pack")).filter(p -> !isSum(p))
                .findFirst().orElseThrow(() -> new AssertionError("every square was stored in a pack"));
        byte[] bytes = Files.readAllBytes(victim);
        if (damage == null) {
            Files.write(victim, Arrays.copyOf(bytes, bytes.length / 2));
        } else {
            damage.accept(bytes);
            Files.write(victim, bytes);
        }
        // The final result must be computed again, from the damaged input. (It may share a pack with squares that
        // ran in its batch, so it is removed as a user would, not by deleting a file.)
        jug.run("invalidate", "--target", "Jugfile.sum", "Jugfile.java", "--", log.toString()).assertExit(0);

        JugProcess.Result rerun = jug.run("execute", "Jugfile.java", "--", log.toString()).assertExit(0);
        assertThat(rerun.err()).contains("is corrupt").contains(victim.getFileName().toString())
                .contains("Jugfile.square").contains("computed again");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(13).endsWith("sum 285.0");
        assertThat(lines.subList(0, 12).stream().filter(l -> l.startsWith("sum"))).hasSize(1);
        assertThat(jug.run("status", "Jugfile.java", "--short", "--", log.toString()).out())
                .contains("All tasks finished (11 tasks)");
    }

    /** True if the entry's metadata names Jugfile.sum. */
    private static boolean isSum(Path entry) {
        try {
            return new String(Files.readAllBytes(entry), StandardCharsets.ISO_8859_1)
                    .contains("Jugfile.sum");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> resultFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("Jugfile.jugdata/results"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
