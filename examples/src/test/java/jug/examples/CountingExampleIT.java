package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting example as its Javadoc runs it (with Smile on the class path), by two workers. */
class CountingExampleIT {
    /** 8 experiments, 48 images × 2 ways to break them up, 16 folds × (2 forests + 1 combination), 1 report. */
    private static final int TASKS = 8 + 2 * 48 + 16 * 3 + 1;

    private static final Pattern ROW = Pattern.compile(
            "^(by experiment|by image)\\s+(grid|superpixels|combined)\\s+(-?[0-9.]+)\\s+([0-9.]+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void byImageCrossValidationScoresBetterThanByExperiment() throws Exception {
        Path examples = Path.of(System.getProperty("examples.dir"));
        Files.copy(examples.resolve("counting").resolve("Jugfile.java"), dir.resolve("Jugfile.java"));
        String classpath = examples.resolve("target").resolve("lib") + "/*";

        ExampleJug jug = new ExampleJug(dir, cache);
        ExampleJug.Running a = jug.start("execute", "Jugfile.java", "--classpath", classpath);
        ExampleJug.Running b = jug.start("execute", "Jugfile.java", "--classpath", classpath);
        String outA = ExampleJug.finish(a);
        String outB = ExampleJug.finish(b);
        assertThat(ExampleJug.executed(outA) + ExampleJug.executed(outB)).isEqualTo(TASKS);

        Path results = dir.resolve("results");
        String table = Files.readString(results.resolve("results.txt"));
        Map<String, Double> q2 = new TreeMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            q2.put(row.group(1) + "/" + row.group(2), Double.parseDouble(row.group(3)));
        }
        assertThat(q2).as("Q² per scheme and method in:%n%s", table).containsOnlyKeys("by experiment/grid",
                "by experiment/superpixels", "by experiment/combined", "by image/grid", "by image/superpixels",
                "by image/combined");
        assertThat(q2.get("by image/combined")).as("the talk's point: by-image CV overestimates; table:%n%s", table)
                .isGreaterThan(q2.get("by experiment/combined"));
        assertThat(q2.values()).as("every method counts usefully; table:%n%s", table).allMatch(q -> q > 0.5);
        assertThat(Files.readAllBytes(results.resolve("experiments.png"))).startsWith(0x89, 'P', 'N', 'G');

        assertThat(jug.run("status", "Jugfile.java", "--classpath", classpath, "--short"))
                .contains("All tasks finished (" + TASKS);
        assertThat(ExampleJug.executed(jug.run("execute", "Jugfile.java", "--classpath", classpath))).isZero();
    }
}
