package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

        Process a = start("execute", "Jugfile.java");
        Process b = start("execute", "Jugfile.java");
        String outA = finish(a);
        String outB = finish(b);
        assertThat(executed(outA) + executed(outB)).isEqualTo(7 * images + 1);

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

        assertThat(finish(start("status", "Jugfile.java", "--short"))).contains("All tasks finished (" + (7 * images + 1));
        assertThat(executed(finish(start("execute", "Jugfile.java")))).isZero();
    }

    private static double meanRand(String table, String method) {
        Matcher m = Pattern.compile("mean of " + method + "\\s+rand ([0-9.]+)").matcher(table);
        assertThat(m.find()).as("mean row of %s in:%n%s", method, table).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static int executed(String output) {
        return output.lines().filter(l -> l.endsWith("  Total")).findFirst()
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("no Total row in:\n" + output));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jug.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JUG_CACHE_DIR", cache.toString());
        return builder.start();
    }

    private static String finish(Process p) throws IOException, InterruptedException {
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
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
