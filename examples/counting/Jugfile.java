import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;
import jug.vision.Border;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Planar;
import jug.vision.StructuringElement;
import jug.vision.feature.Haralick;
import jug.vision.feature.Lbp;
import jug.vision.filter.Filters;
import jug.vision.io.Images;
import jug.vision.label.Box;
import jug.vision.label.Labels;
import jug.vision.label.Measurements;
import jug.vision.morph.Morphology;
import jug.vision.render.Render;
import jug.vision.segment.Watershed;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.RandomForest;

/**
 * Supervised counting, after the talk's example application (counting Neutrophil Extracellular Traps, NETs): break
 * each image up into regions, describe every region by features, learn how many objects a region holds with a
 * random forest, add up an image's regions, and combine two methods with a linear regression.
 *
 * <pre>
 * scripts/jug execute examples/counting/Jugfile.java --classpath 'examples/target/lib/*'
 * scripts/jug status examples/counting/Jugfile.java --classpath 'examples/target/lib/*'
 * </pre>
 *
 * The class path holds Smile 2.6.0 (LGPL; its random forests run on Java 17), which {@code mvn -pl examples -am
 * package} copies to {@code examples/target/lib}.
 *
 * <p>The images are made by the first tasks, so their true counts are known: 8 experiments of 6 images, with
 * web-like NETs (a diffuse core and fibres) among compact nuclei that must not be counted. Each experiment has its
 * own conditions, shared by its images: background, staining strength, NET size, blur and NET density, as real
 * experiments do (one slide, one staining, one day).
 *
 * <p>Two methods, as in the talk ("different submodules lead to different methods"): a regular grid of tiles
 * described by texture (Haralick features, LBP histograms), and watershed superpixels described by filter responses
 * (Gaussian, difference of Gaussians, Laplacian, Sobel, blob detections). A region's target is the number of NET
 * centres in it; an image's count is the sum of its regions' predictions. The third method, {@code combined}, is
 * count ≈ a + b·grid + c·superpixels.
 *
 * <p>The talk's point: <b>cross-validate by experiment, not by image.</b> Held out at random, an image has siblings
 * from its experiment among the training images, and the forest learns that experiment's look, which no new
 * experiment shares: the score overestimates how well the method counts on new data. So every method is scored
 * both ways, with 8 folds each (one experiment per fold, or 6 images drawn at random), and the report shows the
 * difference. Nothing else differs between the two columns. The whole pipeline keeps the rule: the combination is
 * fitted only on training images, with predictions that never saw the experiment (or image) they predict.
 *
 * <p>{@code report} prints the table and writes {@code results/} next to this file: {@code results.txt} and
 * {@code experiments.png} (the first image of each experiment, each NET's centre marked in red).
 */
public class Jugfile {
    static final int EXPERIMENTS = 8;
    static final int IMAGES_PER_EXPERIMENT = 6;
    static final int SIZE = 256;
    static final int TILE = 64;
    static final int TREES = 60;
    static final long SEED = 2013;

    /** A synthetic image, its experiment, and a 1 at each NET's centre: the annotation a biologist would make. */
    record Sample(String name, int experiment, GrayU8 image, GrayU8 dots) {
    }

    /**
     * The regions an image was broken into: a row of features and the number of NETs for each. A class, not a
     * record: a record's {@code equals} would compare the arrays by reference.
     */
    static final class Regions {
        final double[][] features;
        final double[] counts;

        Regions(double[][] features, double[] counts) {
            this.features = features;
            this.counts = counts;
        }
    }

    /**
     * One fold of a cross-validation scheme: the images it holds out (indices into the list of samples), and its
     * training images in groups, the units the scheme holds out together: one group per experiment, or per image.
     */
    record Fold(String scheme, int number, List<Integer> test, List<List<Integer>> groups) {
    }

    /** One image's true count and a method's prediction of it. */
    record Estimate(int image, double truth, double predicted) {
    }

    /** What one method predicted in one fold: for the held-out images, and (out of bag) for the training images. */
    record Predictions(String method, Fold fold, List<Estimate> test, List<Estimate> train) {
    }

    // ---- the images ----------------------------------------------------------------------------------------------

    /** The images of one experiment: its conditions are drawn once, then each image varies around them. */
    static List<Sample> experiment(int experiment, long seed) {
        Random random = new Random(seed);
        double background = 15 + 45 * random.nextDouble();
        double stain = 0.85 + 0.3 * random.nextDouble();     // NET brightness
        double size = 0.9 + 0.2 * random.nextDouble();       // NET size
        double blur = 0.8 + 0.8 * random.nextDouble();       // focus
        double density = 10 + 30 * random.nextDouble();      // NETs per image, on average
        List<Sample> images = new ArrayList<>();
        for (int i = 0; i < IMAGES_PER_EXPERIMENT; i++) {
            GrayF64 canvas = new GrayF64(SIZE, SIZE);
            GrayU8 dots = new GrayU8(SIZE, SIZE);
            long nets = Math.round(density * (0.6 + 0.8 * random.nextDouble()));
            for (int placed = 0; placed < nets; ) {
                int r = random.nextInt(SIZE);
                int c = random.nextInt(SIZE);
                if (dots.get(r, c) == 1) {
                    continue; // one NET per pixel, so that the dots count every NET
                }
                dots.set(r, c, 1);
                placed++;
                double peak = stain * (60 + 40 * random.nextDouble());
                blob(canvas, r, c, size * (3 + 3 * random.nextDouble()), peak);
                for (int f = 3 + random.nextInt(4); f > 0; f--) {
                    fibre(canvas, random, r, c, size * (15 + 20 * random.nextDouble()), 0.7 * peak);
                }
            }
            for (int n = 15 + random.nextInt(25); n > 0; n--) {
                nucleus(canvas, random.nextInt(SIZE), random.nextInt(SIZE), 2 + 1.5 * random.nextDouble(),
                        70 + 40 * random.nextDouble());
            }
            GrayImage blurred = Filters.gaussian(canvas, blur, Border.REFLECT);
            double tilt = 2 * Math.PI * random.nextDouble();
            GrayU8 image = new GrayU8(SIZE, SIZE);
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    // Uneven illumination, and camera noise.
                    double light = 1 + 0.15 * ((r - SIZE / 2.0) * Math.sin(tilt) + (c - SIZE / 2.0) * Math.cos(tilt))
                            / SIZE;
                    double v = background * light + blurred.getAsDouble(r, c) + 6 * random.nextGaussian();
                    image.set(r, c, (int) Math.max(0, Math.min(255, Math.round(v))));
                }
            }
            images.add(new Sample("e" + experiment + "-" + i, experiment, image, dots));
        }
        return images;
    }

    /** A NET's diffuse core: a Gaussian bump, added. */
    static void blob(GrayF64 canvas, int r0, int c0, double radius, double peak) {
        int reach = (int) Math.ceil(2.5 * radius);
        for (int r = Math.max(0, r0 - reach); r <= Math.min(SIZE - 1, r0 + reach); r++) {
            for (int c = Math.max(0, c0 - reach); c <= Math.min(SIZE - 1, c0 + reach); c++) {
                double d2 = (r - r0) * (r - r0) + (c - c0) * (c - c0);
                canvas.set(r, c, canvas.get(r, c) + peak * Math.exp(-d2 / (2 * radius * radius)));
            }
        }
    }

    /** A DNA fibre: a wandering line from the core, a little over a pixel wide, fading out. */
    static void fibre(GrayF64 canvas, Random random, int r0, int c0, double length, double strength) {
        double angle = 2 * Math.PI * random.nextDouble();
        double r = r0;
        double c = c0;
        for (int step = 0; step < length; step++) {
            angle += 0.35 * random.nextGaussian();
            r += Math.sin(angle);
            c += Math.cos(angle);
            int ri = (int) Math.round(r);
            int ci = (int) Math.round(c);
            if (ri < 0 || ci < 0 || ri >= SIZE - 1 || ci >= SIZE) {
                return;
            }
            double v = strength * (1 - step / length);
            canvas.set(ri, ci, canvas.get(ri, ci) + v);
            canvas.set(ri + 1, ci, canvas.get(ri + 1, ci) + v / 2);
        }
    }

    /** An intact nucleus: small, bright, sharp-edged, and not a NET. */
    static void nucleus(GrayF64 canvas, int r0, int c0, double radius, double value) {
        int reach = (int) Math.ceil(radius);
        for (int r = Math.max(0, r0 - reach); r <= Math.min(SIZE - 1, r0 + reach); r++) {
            for (int c = Math.max(0, c0 - reach); c <= Math.min(SIZE - 1, c0 + reach); c++) {
                if ((r - r0) * (r - r0) + (c - c0) * (c - c0) <= radius * radius) {
                    canvas.set(r, c, Math.max(canvas.get(r, c), value));
                }
            }
        }
    }

    // ---- breaking images up, and features ------------------------------------------------------------------------

    /** Method 1: a regular grid of TILE × TILE tiles, described by texture. */
    static Regions gridRegions(Sample sample) {
        GrayS32 tiles = new GrayS32(SIZE, SIZE);
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                tiles.set(r, c, 1 + (r / TILE) * (SIZE / TILE) + c / TILE);
            }
        }
        GrayU8 foreground = minusBackground(sample.image());
        return new Regions(join(basicFeatures(foreground, tiles), textureFeatures(foreground, tiles)),
                counts(sample, tiles));
    }

    /**
     * Method 2: an oversegmentation into superpixels, a watershed of the smoothed image flooded from its regional
     * maxima (so a bright structure tends to fall in one region), described by filter responses.
     */
    static Regions superpixelRegions(Sample sample) {
        GrayImage smooth = Filters.gaussian(sample.image(), 4.0, Border.REFLECT);
        GrayS32 markers = Labels.label8(Morphology.regmax(smooth, StructuringElement.square())).labels();
        // Flooding runs from low to high, so the surface is the negated image; times 16, because the watershed
        // (like mahotas's) compares surface values as integers.
        GrayS32 superpixels = Watershed.cwatershed(map(smooth, v -> -16 * v), markers, StructuringElement.cross());
        GrayU8 foreground = minusBackground(sample.image());
        return new Regions(join(basicFeatures(foreground, superpixels), filterFeatures(foreground, superpixels)),
                counts(sample, superpixels));
    }

    /** The true count of each region: how many NET centres fall in it. */
    static double[] counts(Sample sample, GrayS32 labels) {
        double[] sums = Measurements.sums(sample.dots(), labels);
        return Arrays.copyOfRange(sums, 1, sums.length);
    }

    /** Per region (labels 1..n, covering the image): its area, and the mean, spread and maximum of the image. */
    static double[][] basicFeatures(GrayU8 foreground, GrayS32 labels) {
        GrayF64 grey = foreground.toF64();
        int[] area = Measurements.sizes(labels);
        double[] sums = Measurements.sums(grey, labels);
        double[] squares = Measurements.sums(map(grey, v -> v * v), labels);
        double[] max = Measurements.maxima(grey, labels);
        double[][] rows = new double[area.length - 1][];
        for (int k = 1; k < area.length; k++) {
            double mean = sums[k] / area[k];
            rows[k - 1] = new double[] {area[k], mean, Math.sqrt(Math.max(0, squares[k] / area[k] - mean * mean)),
                    max[k]};
        }
        return rows;
    }

    /** Per region: Haralick texture features and a rotation-invariant LBP histogram (radius 1, 8 points). */
    static double[][] textureFeatures(GrayU8 foreground, GrayS32 labels) {
        Box[] boxes = Measurements.bboxes(labels);
        double[][] lbp = lbpHistograms(Lbp.transform(foreground, 1, 8), labels, boxes.length - 1);
        double[][] rows = new double[boxes.length - 1][];
        for (int k = 1; k < boxes.length; k++) {
            rows[k - 1] = join(haralick(foreground, labels, k, boxes[k]), lbp[k - 1]);
        }
        return rows;
    }

    /**
     * Per region: the means of a Gaussian (σ 2), a difference of Gaussians (σ 4 minus σ 2, negative on blob-sized
     * structures), the magnitude of a Laplacian of Gaussian (σ 1, fibres) and Sobel's gradient; the deepest DoG
     * response; and how many blobs (regional maxima of a σ 3 Gaussian) above 10, 20 and 40 grey levels it holds.
     */
    static double[][] filterFeatures(GrayU8 foreground, GrayS32 labels) {
        int[] area = Measurements.sizes(labels);
        GrayF64 dog = Filters.dog(foreground, 2.0, 2.0, Border.REFLECT);
        GrayImage[] responses = {Filters.gaussian(foreground, 2.0, Border.REFLECT), dog,
                map(Filters.laplacian(Filters.gaussian(foreground, 1.0, Border.REFLECT), Border.REFLECT), Math::abs),
                Filters.sobel(foreground)};
        double[][] sums = new double[responses.length][];
        for (int f = 0; f < responses.length; f++) {
            sums[f] = Measurements.sums(responses[f], labels);
        }
        double[] deepest = Measurements.minima(dog, labels);
        GrayImage blurred = Filters.gaussian(foreground, 3.0, Border.REFLECT);
        GrayU8 peaks = Morphology.regmax(blurred, StructuringElement.square());
        double[][] blobs = new double[3][];
        for (int t = 0; t < blobs.length; t++) {
            GrayU8 found = new GrayU8(SIZE, SIZE);
            for (int i = 0; i < found.data().length; i++) {
                found.data()[i] = (byte) (peaks.data()[i] != 0 && blurred.valueAt(i) > (10 << t) ? 1 : 0);
            }
            blobs[t] = Measurements.sums(found, labels);
        }
        double[][] rows = new double[area.length - 1][];
        for (int k = 1; k < area.length; k++) {
            rows[k - 1] = new double[] {sums[0][k] / area[k], sums[1][k] / area[k], sums[2][k] / area[k],
                    sums[3][k] / area[k], deepest[k], blobs[0][k], blobs[1][k], blobs[2][k]};
        }
        return rows;
    }

    /**
     * Haralick features (mean of the four directions) of region {@code k}, on the image quantised to 16 levels,
     * 1..16, with 0 outside the region, which {@code ignoreZeros} leaves out.
     */
    static double[] haralick(GrayU8 foreground, GrayS32 labels, int k, Box box) {
        GrayU8 region = new GrayU8(box.rowEnd() - box.rowStart(), box.colEnd() - box.colStart());
        for (int r = 0; r < region.height(); r++) {
            for (int c = 0; c < region.width(); c++) {
                if (labels.get(box.rowStart() + r, box.colStart() + c) == k) {
                    region.set(r, c, 1 + foreground.get(box.rowStart() + r, box.colStart() + c) / 16);
                }
            }
        }
        double[] features;
        try {
            features = Haralick.mean(Haralick.features(region, Haralick.Options.DEFAULT.withIgnoreZeros(true)));
        } catch (IllegalArgumentException tooThin) {
            return new double[Haralick.LABELS.size()]; // no pair of region pixels in some direction
        }
        return Arrays.stream(features).map(f -> Double.isFinite(f) ? f : 0).toArray(); // a flat region's correlation
    }

    /** Per region, the fraction of its pixels with each rotation-invariant LBP code (36 codes for 8 points). */
    static double[][] lbpHistograms(GrayS32 codes, GrayS32 labels, int n) {
        int[] bins = Lbp.binCodes(8);
        int[] binOf = new int[256];
        for (int b = 0; b < bins.length; b++) {
            binOf[bins[b]] = b;
        }
        double[][] histograms = new double[n][bins.length];
        int[] area = Measurements.sizes(labels);
        int[] code = codes.data();
        int[] label = labels.data();
        for (int i = 0; i < code.length; i++) {
            histograms[label[i] - 1][binOf[code[i]]] += 1.0 / area[label[i]];
        }
        return histograms;
    }

    /**
     * The image minus its median, which is the background level here (most pixels are background), and at least 0:
     * the background differs between experiments, and says nothing about NETs.
     */
    static GrayU8 minusBackground(GrayU8 image) {
        int background = median(image);
        GrayU8 out = new GrayU8(SIZE, SIZE);
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] = (byte) Math.max(0, (image.data()[i] & 0xFF) - background);
        }
        return out;
    }

    static int median(GrayU8 image) {
        int[] histogram = new int[256];
        for (byte v : image.data()) {
            histogram[v & 0xFF]++;
        }
        int median = 0;
        int seen = histogram[0];
        while (seen < image.size() / 2) {
            seen += histogram[++median];
        }
        return median;
    }

    static GrayF64 map(GrayImage image, DoubleUnaryOperator f) {
        GrayF64 out = image.toF64();
        double[] d = out.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(d[i]);
        }
        return out;
    }

    /** Each row of {@code left} followed by the same row of {@code right}; or two arrays, one after the other. */
    static double[][] join(double[][] left, double[][] right) {
        double[][] rows = new double[left.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = join(left[i], right[i]);
        }
        return rows;
    }

    static double[] join(double[] left, double[] right) {
        double[] row = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, row, left.length, right.length);
        return row;
    }

    // ---- learning ------------------------------------------------------------------------------------------------

    /**
     * One method in one fold: a random forest learns a region's count from its features on the training images,
     * and predicts the held-out images (an image's count is the sum over its regions). The forest stays inside this
     * task, since results must be storable values; only predicted counts leave it.
     *
     * <p>The forest is grown one tree at a time, each on a bootstrap sample of the fold's groups (experiments, or
     * images), so that it also predicts the training images honestly: a training image's count comes from the
     * trees that never saw its group. The combination is fitted on these out-of-bag predictions, which saves a
     * second level of cross-validation.
     */
    static Predictions forest(List<Regions> regions, Fold fold, String method) {
        String[] names = columnNames(regions.get(0).features[0].length);
        List<DataFrame> frames = new ArrayList<>();
        for (int image = 0; image < regions.size(); image++) {
            frames.add(frame(regions, List.of(image), names));
        }
        double[] sum = new double[regions.size()];
        int[] trees = new int[regions.size()];
        Random random = new Random(SEED + fold.number());
        for (int t = 0; t < TREES; t++) {
            List<List<Integer>> bag = new ArrayList<>();
            List<List<Integer>> outOfBag = new ArrayList<>(fold.groups());
            for (int i = 0; i < fold.groups().size(); i++) {
                List<Integer> group = fold.groups().get(random.nextInt(fold.groups().size()));
                bag.add(group);
                outOfBag.remove(group);
            }
            // A forest of one tree: it bootstraps the bag's regions and tries a third of the features at each split
            // (the usual choice for regression); depth at most 20, at most 1,000 leaves, at least 5 regions a leaf.
            RandomForest tree = RandomForest.fit(Formula.lhs("y"), frame(regions, flatten(bag), names), 1,
                    (names.length - 1) / 3, 20, 1000, 5, 1.0, LongStream.of(random.nextLong()));
            List<Integer> predicted = new ArrayList<>(fold.test());
            predicted.addAll(flatten(outOfBag));
            for (int image : predicted) {
                DataFrame x = frames.get(image);
                for (int k = 0; k < x.size(); k++) {
                    sum[image] += tree.predict(x.get(k));
                }
                trees[image]++;
            }
        }
        return new Predictions(method, fold, estimates(regions, fold.test(), sum, trees),
                estimates(regions, flatten(fold.groups()), sum, trees));
    }

    static List<Estimate> estimates(List<Regions> regions, List<Integer> images, double[] sum, int[] trees) {
        List<Estimate> estimates = new ArrayList<>();
        for (int image : images) {
            if (trees[image] == 0) {
                throw new IllegalStateException("image " + image + " was in the bag of every tree; use more trees");
            }
            double truth = Arrays.stream(regions.get(image).counts).sum();
            estimates.add(new Estimate(image, truth, sum[image] / trees[image]));
        }
        return estimates;
    }

    /** The regions of some images, one row each: the features x0, x1, ... and the count y. */
    static DataFrame frame(List<Regions> regions, List<Integer> images, String[] names) {
        List<double[]> rows = new ArrayList<>();
        for (int image : images) {
            Regions r = regions.get(image);
            for (int k = 0; k < r.counts.length; k++) {
                double[] row = Arrays.copyOf(r.features[k], names.length);
                row[names.length - 1] = r.counts[k];
                rows.add(row);
            }
        }
        return DataFrame.of(rows.toArray(double[][]::new), names);
    }

    static String[] columnNames(int features) {
        String[] names = new String[features + 1];
        for (int j = 0; j < features; j++) {
            names[j] = "x" + j;
        }
        names[features] = "y";
        return names;
    }

    static List<Integer> flatten(List<List<Integer>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }

    /**
     * The talk's linear combination of methods, count ≈ a + b·grid + c·superpixels, fitted on the training images'
     * out-of-bag predictions and applied to the held-out images, which play no part in the fit.
     */
    static Predictions combine(Predictions grid, Predictions superpixels) {
        double[][] x = new double[grid.train().size()][];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {1, grid.train().get(i).predicted(), superpixels.train().get(i).predicted()};
            y[i] = grid.train().get(i).truth();
        }
        double[] w = leastSquares(x, y);
        List<Estimate> test = new ArrayList<>();
        for (int i = 0; i < grid.test().size(); i++) {
            Estimate g = grid.test().get(i);
            test.add(new Estimate(g.image(), g.truth(),
                    w[0] + w[1] * g.predicted() + w[2] * superpixels.test().get(i).predicted()));
        }
        return new Predictions("combined", grid.fold(), test, List.of());
    }

    /**
     * Least squares by the normal equations (XᵀX)w = Xᵀy, solved by Gaussian elimination with partial pivoting.
     * Smile 2.6's linear models (OLS, ridge) call a native BLAS/LAPACK that is not installed here, and a 3 × 3
     * system needs none.
     */
    static double[] leastSquares(double[][] x, double[] y) {
        int p = x[0].length;
        double[][] a = new double[p][p + 1]; // [XᵀX | Xᵀy]
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    a[j][k] += x[i][j] * x[i][k];
                }
                a[j][p] += x[i][j] * y[i];
            }
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < p; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k <= p; k++) {
                    a[r][k] -= f * a[col][k];
                }
            }
        }
        double[] w = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double s = a[j][p];
            for (int k = j + 1; k < p; k++) {
                s -= a[j][k] * w[k];
            }
            w[j] = s / a[j][j];
        }
        return w;
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    /**
     * For each scheme and method, Q² (1 − SSE/SST) and the mean absolute error of the held-out images' counts (each
     * image is held out once per scheme); and, as the talk asks before combining, how the two methods' errors
     * correlate.
     */
    static String report(List<Predictions> predictions, List<Sample> pictures, Path results) throws IOException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-14s %-12s %6s %6s%n", "CV scheme",
                "method", "Q2", "MAE"));
        StringBuilder notes = new StringBuilder();
        for (String scheme : List.of("by experiment", "by image")) {
            for (String method : List.of("grid", "superpixels", "combined")) {
                List<Estimate> estimates = heldOut(predictions, scheme, method);
                double mean = estimates.stream().mapToDouble(Estimate::truth).average().orElseThrow();
                double sse = 0;
                double sst = 0;
                double absolute = 0;
                for (Estimate e : estimates) {
                    sse += (e.truth() - e.predicted()) * (e.truth() - e.predicted());
                    sst += (e.truth() - mean) * (e.truth() - mean);
                    absolute += Math.abs(e.truth() - e.predicted());
                }
                table.append(String.format(Locale.ROOT, "%-14s %-12s %6.3f %6.2f%n", scheme, method, 1 - sse / sst,
                        absolute / estimates.size()));
            }
            notes.append(String.format(Locale.ROOT, "Correlation of the grid's and the superpixels' errors, %s: %.2f%n",
                    scheme, errorCorrelation(heldOut(predictions, scheme, "grid"),
                            heldOut(predictions, scheme, "superpixels"))));
        }
        int images = heldOut(predictions, "by image", "grid").size();
        double perImage = heldOut(predictions, "by image", "grid").stream().mapToDouble(Estimate::truth).sum() / images;
        table.append(notes).append(String.format(Locale.ROOT, "%d images, %.1f NETs per image on average; MAE in NETs "
                + "per image.%n", images, perImage));
        Files.createDirectories(results);
        Files.writeString(results.resolve("results.txt"), table);
        Images.imsave(results.resolve("experiments.png"), Render.montage(pictures.stream().map(Jugfile::marked)
                .toList(), 4, 4));
        System.out.print(table);
        System.out.println("Written to " + results);
        return table.toString();
    }

    static List<Estimate> heldOut(List<Predictions> predictions, String scheme, String method) {
        List<Estimate> estimates = new ArrayList<>();
        for (Predictions p : predictions) {
            if (p.fold().scheme().equals(scheme) && p.method().equals(method)) {
                estimates.addAll(p.test());
            }
        }
        estimates.sort((a, b) -> Integer.compare(a.image(), b.image()));
        return estimates;
    }

    /** Pearson's correlation of two methods' errors over the same images. */
    static double errorCorrelation(List<Estimate> a, List<Estimate> b) {
        double[] ea = a.stream().mapToDouble(e -> e.predicted() - e.truth()).toArray();
        double[] eb = b.stream().mapToDouble(e -> e.predicted() - e.truth()).toArray();
        double ma = Arrays.stream(ea).average().orElseThrow();
        double mb = Arrays.stream(eb).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ea.length; i++) {
            sab += (ea[i] - ma) * (eb[i] - mb);
            saa += (ea[i] - ma) * (ea[i] - ma);
            sbb += (eb[i] - mb) * (eb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The image in grey, with a small red cross on each NET's centre. */
    static Planar<GrayU8> marked(Sample sample) {
        List<GrayU8> bands = List.of(sample.image().copy(), sample.image().copy(), sample.image().copy());
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                if (sample.dots().get(r, c) == 0) {
                    continue;
                }
                for (int d = -2; d <= 2; d++) {
                    for (int[] p : new int[][] {{r + d, c}, {r, c + d}}) {
                        if (p[0] >= 0 && p[1] >= 0 && p[0] < SIZE && p[1] < SIZE) {
                            bands.get(0).set(p[0], p[1], 255);
                            bands.get(1).set(p[0], p[1], 0);
                            bands.get(2).set(p[0], p[1], 0);
                        }
                    }
                }
            }
        }
        return Planar.of(bands);
    }

    // ---- the pipeline --------------------------------------------------------------------------------------------

    public static void define(Jug jug) {
        List<Task<Sample>> samples = new ArrayList<>();
        List<Task<Sample>> firstOfEach = new ArrayList<>();
        Random seeds = new Random(SEED); // consecutive seeds would give java.util.Random similar first draws
        for (int e = 0; e < EXPERIMENTS; e++) {
            Task<List<Sample>> experiment = jug.task(Jugfile::experiment, e, seeds.nextLong());
            for (int i = 0; i < IMAGES_PER_EXPERIMENT; i++) {
                samples.add(experiment.get(i)); // a tasklet: one image of the experiment's list, never stored twice
            }
            firstOfEach.add(experiment.get(0));
        }
        List<Task<Regions>> grid = new ArrayList<>();
        List<Task<Regions>> superpixels = new ArrayList<>();
        for (Task<Sample> sample : samples) {
            grid.add(jug.task(Jugfile::gridRegions, sample));
            superpixels.add(jug.task(Jugfile::superpixelRegions, sample));
        }
        List<Task<Predictions>> predictions = new ArrayList<>();
        for (Fold fold : folds()) {
            Task<Predictions> g = jug.task(Jugfile::forest, grid, fold, "grid");
            Task<Predictions> s = jug.task(Jugfile::forest, superpixels, fold, "superpixels");
            predictions.addAll(List.of(g, s, jug.task(Jugfile::combine, g, s)));
        }
        Path here = jug.source().orElseThrow().toAbsolutePath().getParent();
        jug.task(Jugfile::report, predictions, firstOfEach, NoHash.of(here.resolve("results")));
    }

    /**
     * Both schemes, 8 folds each. By experiment, fold k holds out experiment k, and the training images are grouped
     * by experiment. By image, the images are shuffled and dealt into 8 folds of 6 whatever their experiment, and
     * each training image is a group of its own.
     */
    static List<Fold> folds() {
        List<Fold> folds = new ArrayList<>();
        for (int k = 0; k < EXPERIMENTS; k++) {
            List<List<Integer>> groups = new ArrayList<>();
            for (int e = 0; e < EXPERIMENTS; e++) {
                if (e != k) {
                    groups.add(imagesOf(e));
                }
            }
            folds.add(new Fold("by experiment", k, imagesOf(k), groups));
        }
        int n = IMAGES_PER_EXPERIMENT;
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, EXPERIMENTS * n).boxed().toList());
        Collections.shuffle(shuffled, new Random(SEED));
        for (int k = 0; k < EXPERIMENTS; k++) {
            List<Integer> test = List.copyOf(shuffled.subList(k * n, (k + 1) * n));
            List<List<Integer>> groups = new ArrayList<>();
            for (int image : shuffled) {
                if (!test.contains(image)) {
                    groups.add(List.of(image));
                }
            }
            folds.add(new Fold("by image", k, test, groups));
        }
        return folds;
    }

    static List<Integer> imagesOf(int experiment) {
        return IntStream.range(experiment * IMAGES_PER_EXPERIMENT, (experiment + 1) * IMAGES_PER_EXPERIMENT).boxed()
                .toList();
    }
}
