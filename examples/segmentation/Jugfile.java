import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jug.core.CustomHash;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;
import jug.vision.Border;
import jug.vision.Convert;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Planar;
import jug.vision.filter.Filters;
import jug.vision.io.Images;
import jug.vision.label.Agreement;
import jug.vision.label.Labels;
import jug.vision.label.Measurements;
import jug.vision.render.Render;
import jug.vision.threshold.Thresholds;

/**
 * The live demo of the talk that started jug: segment nuclei two ways and score both against hand-made references.
 *
 * <pre>
 * scripts/jug execute examples/segmentation/Jugfile.java                  # the shipped images
 * scripts/jug execute examples/segmentation/Jugfile.java -- /data/other   # a directory with images/ and references/
 * </pre>
 *
 * method1 is the talk's: smooth (σ = 2), threshold at the mean, label; method2 is the same with σ = 4. (For a
 * method that splits touching nuclei, see the watershed superpixels of examples/counting.) Each result is
 * compared with the reference (adjusted Rand index, Jaccard index of the foreground, object counts) and drawn as a
 * colour-labelled overlay; printResults prints the table and writes {@code results/} beside the images: one
 * overlay PNG per image and method, {@code montage.png} and {@code results.txt}. The pictures are written once, as
 * results are computed; after deleting {@code results/}, run {@code jug invalidate --target render}.
 */
public class Jugfile {
    /** An image and its reference segmentation. */
    record Sample(String name, GrayU8 image, GrayS32 truth) {
    }

    /** How one method did on one image. */
    record Scores(String image, String method, double adjustedRand, double jaccard, int objects, int trueObjects) {
    }

    static Sample load(Path image, Path reference) throws IOException {
        GrayImage grey = Images.readGrey(image);
        return new Sample(image.getFileName().toString(), Convert.toU8(grey), Convert.toS32(Images.readGrey(reference)));
    }

    /** The talk's method: Gaussian smoothing, a threshold at the mean, 4-connected labelling. */
    static GrayS32 method1(Sample sample, double sigma) {
        GrayImage smooth = Filters.gaussian(sample.image(), sigma, Border.REFLECT);
        return Labels.label4(Convert.threshold(smooth, Thresholds.mean(smooth))).labels();
    }

    /**
     * The talk's second method: the same with more smoothing, which merges fewer nuclei's halves into the background
     * but more neighbours into each other.
     */
    static GrayS32 method2(Sample sample, double sigma) {
        return method1(sample, sigma);
    }

    static Scores compare(Sample sample, GrayS32 result, String method) {
        return new Scores(sample.name(), method, Agreement.adjustedRandIndex(result, sample.truth()),
                Agreement.jaccard(result, sample.truth()), Measurements.sizes(result).length - 1,
                Measurements.sizes(sample.truth()).length - 1);
    }

    /** A colour-labelled overlay, written as results/NAME-METHOD.png; returns a thumbnail for the montage. */
    static Planar<GrayU8> render(Sample sample, GrayS32 labels, String method, Path results) throws IOException {
        Planar<GrayU8> overlay = Render.colorize(labels, sample.image(), 0.45, true);
        Files.createDirectories(results);
        Images.imsave(results.resolve(sample.name().replace(".png", "") + "-" + method + ".png"), overlay);
        return Render.thumbnail(overlay, 192);
    }

    static String printResults(List<Scores> scores, List<Planar<GrayU8>> thumbnails, Path results) throws IOException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s %-8s %9s %8s %8s %8s%n",
                "image", "method", "rand", "jaccard", "objects", "true"));
        Map<String, double[]> sums = new java.util.TreeMap<>();
        for (Scores s : scores) {
            table.append(String.format(Locale.ROOT, "%-16s %-8s %9.3f %8.3f %8d %8d%n", s.image(), s.method(),
                    s.adjustedRand(), s.jaccard(), s.objects(), s.trueObjects()));
            double[] sum = sums.computeIfAbsent(s.method(), m -> new double[4]);
            sum[0] += s.adjustedRand();
            sum[1] += s.jaccard();
            sum[2] += Math.abs(s.objects() - s.trueObjects());
            sum[3]++;
        }
        sums.forEach((method, sum) -> table.append(String.format(Locale.ROOT,
                "mean of %-8s rand %.3f, jaccard %.3f, object-count error %.1f%n", method, sum[0] / sum[3],
                sum[1] / sum[3], sum[2] / sum[3])));
        Files.createDirectories(results);
        Files.writeString(results.resolve("results.txt"), table);
        Images.imsave(results.resolve("montage.png"), Render.montage(thumbnails, 4, 4));
        System.out.print(table);
        System.out.println("Pictures: " + results);
        return table.toString();
    }

    public static void define(Jug jug) throws IOException {
        Path data = jug.args().isEmpty() ? jug.source().orElseThrow().toAbsolutePath().getParent()
                : Path.of(jug.args().get(0)).toAbsolutePath();
        NoHash<Path> results = NoHash.of(data.resolve("results"));
        List<Task<Scores>> scores = new ArrayList<>();
        List<Task<Planar<GrayU8>>> thumbnails = new ArrayList<>();
        for (Path image : images(data.resolve("images"))) {
            Task<Sample> sample = jug.task(Jugfile::load, file(image), file(data.resolve("references")
                    .resolve(image.getFileName())));
            Task<GrayS32> m1 = jug.task(Jugfile::method1, sample, 2.0);
            Task<GrayS32> m2 = jug.task(Jugfile::method2, sample, 4.0);
            scores.add(jug.task(Jugfile::compare, sample, m1, "method1"));
            scores.add(jug.task(Jugfile::compare, sample, m2, "method2"));
            thumbnails.add(jug.task(Jugfile::render, sample, m1, "method1", results));
            thumbnails.add(jug.task(Jugfile::render, sample, m2, "method2", results));
        }
        jug.task(Jugfile::printResults, scores, thumbnails, results);
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
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList(); // sorted: a stable task order
        }
    }
}
