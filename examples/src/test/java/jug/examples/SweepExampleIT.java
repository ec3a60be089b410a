package jug.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        String first = jug("execute", "sweep/Jugfile.java");
        assertThat(executed(first)).isEqualTo(4 + 24 + 1);
        assertThat(first).containsPattern("best: sigma [0-9.]+, (mean|otsu|rc) threshold, [48]-connectivity");

        String invalidated = jug("invalidate", "sweep/Jugfile.java", "--target", "sweep.rc");
        assertThat(invalidated).containsPattern("8\\s+sweep.rc").containsPattern("1\\s+Jugfile.summarize");
        String again = jug("execute", "sweep/Jugfile.java");
        assertThat(executed(again)).isEqualTo(9);
        assertThat(again).containsPattern("8\\s+0\\s+0\\s+sweep.rc").containsPattern("0\\s+8\\s+0\\s+sweep.otsu");
    }

    private static int executed(String output) {
        return output.lines().filter(l -> l.endsWith("  Total")).findFirst()
                .map(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                .orElseThrow(() -> new AssertionError("no Total row in:\n" + output));
    }

    private String jug(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jug.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JUG_CACHE_DIR", cache.toString());
        Process p = builder.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as("exit code of %s; output:%n%s", args[0], out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
