package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep example: every combination once, then only the invalidated method's combinations again. */
class SweepExampleIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void invalidatingOneMethodRecomputesOnlyItsCombinationsAndTheSummary() throws Exception {
        Path examples = Path.of(System.getProperty("examples.dir"));
        Files.createDirectories(dir.resolve("sweep"));
        Files.copy(examples.resolve("sweep/Jugfile.java"), dir.resolve("sweep/Jugfile.java"));
        for (String sub : List.of("images", "references")) {
            Files.createDirectories(dir.resolve("segmentation").resolve(sub));
            try (Stream<Path> files = Files.list(examples.resolve("segmentation").resolve(sub))) {
                for (Path f : files.limit(4).toList()) {
                    Files.copy(f, dir.resolve("segmentation").resolve(sub).resolve(f.getFileName()));
                }
            }
        }
        ExampleJug jug = new ExampleJug(dir, cache);
        String first = jug.run("execute", "sweep/Jugfile.java");
        assertThat(ExampleJug.executed(first)).isEqualTo(4 + 24 + 1);
        assertThat(first).containsPattern("best: sigma [0-9.]+, (mean|otsu|rc) threshold, [48]-connectivity");

        String invalidated = jug.run("invalidate", "sweep/Jugfile.java", "--target", "sweep.rc");
        assertThat(invalidated).containsPattern("8\\s+sweep.rc").containsPattern("1\\s+Jugfile.summarize");
        String again = jug.run("execute", "sweep/Jugfile.java");
        assertThat(ExampleJug.executed(again)).isEqualTo(9);
        assertThat(again).containsPattern("8\\s+0\\s+0\\s+sweep.rc").containsPattern("0\\s+8\\s+0\\s+sweep.otsu");
    }
}
