package jug.vision.feature;

import java.util.ArrayList;
import java.util.List;
import jug.vision.GrayImage;

/**
 * SURF (speeded-up robust features): scale-invariant interest points with a rotation-invariant 64-value descriptor,
 * after mahotas's {@code features.surf} (itself a port of dlib's SURF).
 *
 * <p>The image (any dtype, read as float64) goes into an integral image. A fast-Hessian pyramid of
 * {@link Options#octaves()} octaves × {@link Options#scales()} intervals (box-filter determinant
 * Dxx·Dyy − 0.36·Dxy², sampled every initialStep·2<sup>octave</sup> pixels) is searched for 3×3×3 maxima above
 * {@link Options#threshold()}, refined by a quadratic fit, and sorted strongest first. Of the first
 * {@link Options#maxPoints()} points, those within 15.5·scale pixels of an edge are dropped (so fewer may come back);
 * the others get an orientation and a descriptor (see {@link SurfPoint}). The result is deterministic. It is not
 * bit-compatible with mahotas: mahotas's sub-sample refinement moves points away from the fitted maximum (it adds
 * H⁻¹∇ instead of subtracting it, with rows and columns swapped), and its box sums drop the first row and column of
 * boxes that touch the image edge; both are corrected here (see {@code docs/vision/features.md}).
 */
public final class Surf {
    /** Detector parameters; {@link #DEFAULT} is mahotas's: 4 octaves, 6 scales, step 1, threshold 0.1, 1024 points. */
    public record Options(int octaves, int scales, int initialStep, double threshold, int maxPoints) {
        /** mahotas's defaults. */
        public static final Options DEFAULT = new Options(4, 6, 1, 0.1, 1024);

        /** Checks every parameter. */
        public Options {
            if (octaves < 1 || octaves > 10) {
                throw new IllegalArgumentException("octaves outside 1..10: " + octaves);
            }
            if (scales < 3) {
                throw new IllegalArgumentException("scales < 3: " + scales);
            }
            if (initialStep < 1) {
                throw new IllegalArgumentException("initialStep < 1: " + initialStep);
            }
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite and >= 0: " + threshold);
            }
            if (maxPoints < 1) {
                throw new IllegalArgumentException("maxPoints < 1: " + maxPoints);
            }
        }

        /** These options with another detector threshold. */
        public Options withThreshold(double t) {
            return new Options(octaves, scales, initialStep, t, maxPoints);
        }

        /** These options with another limit on the number of points considered. */
        public Options withMaxPoints(int n) {
            return new Options(octaves, scales, initialStep, threshold, n);
        }
    }

    private Surf() {
    }

    /** SURF points of {@code image} with mahotas's default options, strongest first. */
    public static List<SurfPoint> surf(GrayImage image) {
        return surf(image, Options.DEFAULT);
    }

    /** SURF points of {@code image}, strongest first, each with orientation and descriptor. */
    public static List<SurfPoint> surf(GrayImage image, Options options) {
        IntegralImage integral = new IntegralImage(image);
        List<SurfPoint> candidates = new HessianPyramid(integral, options.octaves(), options.scales(),
                options.initialStep()).maxima(options.threshold());
        List<SurfPoint> out = new ArrayList<>();
        for (int i = 0; i < Math.min(options.maxPoints(), candidates.size()); i++) {
            SurfPoint p = candidates.get(i);
            double border = 15.5 * p.scale();
            if (p.y() < border || p.y() + border >= image.height() || p.x() < border || p.x() + border >= image.width()) {
                continue;
            }
            double angle = SurfDescriptor.orientation(integral, p.y(), p.x(), p.scale());
            out.add(p.withDescription(angle, SurfDescriptor.describe(integral, p.y(), p.x(), p.scale(), angle)));
        }
        return out;
    }

    /** The points as mahotas's (N, 70) array: y, x, scale, score, laplacian, angle, 64 descriptor values. */
    public static double[][] toRows(List<SurfPoint> points) {
        double[][] rows = new double[points.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = points.get(i).toRow();
        }
        return rows;
    }
}
