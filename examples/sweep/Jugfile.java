import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import jug.core.CustomHash;
import jug.core.Jug;
import jug.core.Task;
import jug.vision.Border;
import jug.vision.Convert;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import jug.vision.filter.Filters;
import jug.vision.io.Images;
import jug.vision.label.Agreement;
import jug.vision.label.Labels;
import jug.vision.threshold.Thresholds;

/**
 * A parameter sweep over the segmentation example's images: smoothing σ × threshold method × connectivity, one task
 * per combination, and a summary that picks the best.
 *
 * <pre>
 * scripts/jug execute examples/sweep/Jugfile.java
 * scripts/jug status examples/sweep/Jugfile.java
 * </pre>
 *
 * Each combination's task is named after its threshold method ({@code sweep.mean}, {@code sweep.otsu},
 * {@code sweep.rc}), so after changing how one method works (edit {@link #threshold}), only its combinations and the
 * summary need computing again:
 *
 * <pre>
 * scripts/jug invalidate examples/sweep/Jugfile.java --target sweep.rc
 * scripts/jug execute examples/sweep/Jugfile.java
 * </pre>
 */
public class Jugfile {
    /** One combination of parameters. */
    record Setting(double sigma, String threshold, int connectivity) {
    }

    /** An image and its reference segmentation. */
    record Sample(String name, GrayU8 image, GrayS32 truth) {
    }

    /** How a setting did, averaged over the images. */
    record Outcome(Setting setting, double meanRand, double meanJaccard) {
    }

    static Sample load(Path image, Path reference) throws IOException {
        return new Sample(image.getFileName().toString(), Convert.toU8(Images.readGrey(image)),
                Convert.toS32(Images.readGrey(reference)));
    }

    static double threshold(GrayImage smooth, String method) {
        return switch (method) {
            case "mean" -> Thresholds.mean(smooth);
            case "otsu" -> Thresholds.otsu(Convert.toU8(smooth));
            case "rc" -> Thresholds.rc(Convert.toU8(smooth));
            default -> throw new IllegalArgumentException("unknown threshold method: " + method);
        };
    }

    static Outcome evaluate(Setting setting, List<Sample> samples) {
        double rand = 0;
        double jaccard = 0;
        for (Sample s : samples) {
            GrayImage smooth = Filters.gaussian(s.image(), setting.sigma(), Border.REFLECT);
            GrayU8 mask = Convert.threshold(smooth, threshold(smooth, setting.threshold()));
            GrayS32 labels = Labels.label(mask, StructuringElement.connectivity(setting.connectivity())).labels();
            rand += Agreement.adjustedRandIndex(labels, s.truth());
            jaccard += Agreement.jaccard(labels, s.truth());
        }
        return new Outcome(setting, rand / samples.size(), jaccard / samples.size());
    }

    static String summarize(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%6s %-6s %4s %8s %8s%n",
                "sigma", "method", "conn", "rand", "jaccard"));
        List<Outcome> ranked = outcomes.stream()
                .sorted(Comparator.comparingDouble(Outcome::meanRand).reversed()).toList();
        for (Outcome o : ranked) {
            table.append(String.format(Locale.ROOT, "%6.1f %-6s %4d %8.3f %8.3f%n", o.setting().sigma(),
                    o.setting().threshold(), o.setting().connectivity(), o.meanRand(), o.meanJaccard()));
        }
        Setting best = ranked.get(0).setting();
        table.append(String.format(Locale.ROOT, "best: sigma %.1f, %s threshold, %d-connectivity%n", best.sigma(),
                best.threshold(), best.connectivity()));
        System.out.print(table);
        return table.toString();
    }

    public static void define(Jug jug) throws IOException {
        Path data = jug.args().isEmpty()
                ? jug.source().orElseThrow().toAbsolutePath().getParent().resolveSibling("segmentation")
                : Path.of(jug.args().get(0)).toAbsolutePath();
        List<Task<Sample>> samples = new ArrayList<>();
        for (Path image : images(data.resolve("images"))) {
            samples.add(jug.task(Jugfile::load, file(image), file(data.resolve("references").resolve(image.getFileName()))));
        }
        List<Task<Outcome>> outcomes = new ArrayList<>();
        for (double sigma : new double[] {1, 2, 3, 4}) {
            for (String method : List.of("mean", "otsu", "rc")) {
                for (int connectivity : new int[] {4, 8}) {
                    outcomes.add(jug.named("sweep." + method).task(Jugfile::evaluate,
                            new Setting(sigma, method, connectivity), samples));
                }
            }
        }
        jug.task(Jugfile::summarize, outcomes);
    }

    /** An input file, identified by its name, size and modification time: edit it and its tasks run again. */
    static CustomHash<Path> file(Path path) {
        return CustomHash.of(path, p -> {
            try {
                return p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + p, e);
            }
        });
    }

    static List<Path> images(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
