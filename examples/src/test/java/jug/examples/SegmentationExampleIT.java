package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmentation example, as the README runs it: two workers, then a look at what it wrote. */
class SegmentationExampleIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void twoWorkersSegmentScoreAndDrawEveryImage() throws Exception {
        Path example = Path.of(System.getProperty("examples.dir"), "segmentation");
        Files.copy(example.resolve("Jugfile.java"), dir.resolve("Jugfile.java"));
        copy(example.resolve("images"), dir.resolve("images"));
        copy(example.resolve("references"), dir.resolve("references"));
        int images;
        try (Stream<Path> files = Files.list(dir.resolve("images"))) {
            images = (int) files.count();
        }

        ExampleJug jug = new ExampleJug(dir, cache);
        ExampleJug.Running a = jug.start("execute", "Jugfile.java");
        ExampleJug.Running b = jug.start("execute", "Jugfile.java");
        String outA = ExampleJug.finish(a);
        String outB = ExampleJug.finish(b);
        assertThat(ExampleJug.executed(outA) + ExampleJug.executed(outB)).isEqualTo(7 * images + 1);

        Path results = dir.resolve("results");
        String table = Files.readString(results.resolve("results.txt"));
        assertThat(table.lines().filter(l -> l.startsWith("nuclei-"))).hasSize(2 * images);
        // As in the talk: more smoothing (method2, σ = 4) merges more neighbouring nuclei and scores lower.
        assertThat(meanRand(table, "method1")).as("method1 (σ = 2)").isGreaterThan(meanRand(table, "method2"));
        assertThat(meanRand(table, "method1")).isBetween(0.5, 0.7);
        assertThat(meanRand(table, "method2")).isBetween(0.4, 0.6);
        try (Stream<Path> pictures = Files.list(results)) {
            assertThat(pictures.filter(p -> p.toString().endsWith("-method1.png") || p.toString().endsWith("-method2.png")))
                    .hasSize(2 * images);
        }
        byte[] montage = Files.readAllBytes(results.resolve("montage.png"));
        assertThat(montage).startsWith(0x89, 'P', 'N', 'G');

        assertThat(jug.run("status", "Jugfile.java", "--short")).contains("All tasks finished (" + (7 * images + 1));
        assertThat(ExampleJug.executed(jug.run("execute", "Jugfile.java"))).isZero();
    }

    private static double meanRand(String table, String method) {
        Matcher m = Pattern.compile("mean of " + method + "\\s+rand ([0-9.]+)").matcher(table);
        assertThat(m.find()).as("mean row of %s in:%n%s", method, table).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
