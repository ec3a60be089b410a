package jug.vision.filter;

import java.util.Objects;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Linear filters on single-channel images: Gaussian smoothing and derivatives, difference of Gaussians, Laplacians,
 * the Sobel gradient, correlation, convolution and the neighbourhood mean, with {@code scipy.ndimage} semantics.
 *
 * <p>Every kernel takes its {@link Border} explicitly; {@link Border#CONSTANT} reads {@code cval}, which the short
 * forms fix at 0. Each returns a new contiguous image, and a long form writes into a caller's image of the same shape
 * and any type instead. Output types: {@link #correlate}/{@link #convolve} keep the input type; the Gaussian and the
 * Laplacians return float32 for float32 input and float64 otherwise; {@link #dog}, {@link #sobel} and {@link #mean}
 * return float64. Sums are accumulated in float64; storing into an integer image rounds half to even and saturates
 * to the type's range (scipy truncates and wraps; mahotas also casts the weights to the image type first).
 */
public final class Filters {
    private static final double[][] SOBEL_H = {{-1 / 8.0, 0, 1 / 8.0}, {-2 / 8.0, 0, 2 / 8.0}, {-1 / 8.0, 0, 1 / 8.0}};
    private static final double[][] SOBEL_V = {{-1 / 8.0, -2 / 8.0, -1 / 8.0}, {0, 0, 0}, {1 / 8.0, 2 / 8.0, 1 / 8.0}};

    private Filters() {
    }

    /** Gaussian smoothing with standard deviation {@code sigma} (pixels) on both axes; see the long form. */
    public static GrayImage gaussian(GrayImage in, double sigma, Border border) {
        return gaussian(in, sigma, sigma, 0, 0, border, 0.0, floatLike(in));
    }

    /** Gaussian smoothing, or a Gaussian derivative of order 0..3 along each axis; see the long form. */
    public static GrayImage gaussian(GrayImage in, double sigma, int rowOrder, int colOrder, Border border) {
        return gaussian(in, sigma, sigma, rowOrder, colOrder, border, 0.0, floatLike(in));
    }

    /**
     * Gaussian filter, as {@code scipy.ndimage.gaussian_filter(in, (rowSigma, colSigma), order=(rowOrder, colOrder),
     * mode, cval, truncate=4.0)}: a separable pass down the columns, then along the rows, each with the kernel
     * truncated at radius {@code int(4σ + 0.5)}. Order 1 is the first derivative with scipy's sign (positive on a
     * rising ramp; mahotas returns the negative), order 2 the second derivative. Float32 outputs round the
     * intermediate image to float32, as scipy does; every other output keeps it in float64.
     *
     * @return {@code out}
     * @throws IllegalArgumentException if a sigma is not positive and finite, an order is outside 0..3, or the
     *     shapes differ
     */
    public static GrayImage gaussian(GrayImage in, double rowSigma, double colSigma, int rowOrder, int colOrder,
            Border border, double cval, GrayImage out) {
        checkSigma("rowSigma", rowSigma);
        checkSigma("colSigma", colSigma);
        checkOrder("rowOrder", rowOrder);
        checkOrder("colOrder", colOrder);
        GrayImage src = prepare(in, border, out);
        SeparableGaussian.apply(src, GaussianKernel.of(rowSigma, rowOrder), GaussianKernel.of(colSigma, colOrder),
                border, cval, out);
        return out;
    }

    /**
     * Difference of Gaussians, {@code G(sigma·multiplier) − G(sigma)} in float64, as mahotas's
     * {@code dog(img, sigma1, multiplier, just_filter=True)} (which uses {@link Border#NEAREST}).
     *
     * @throws IllegalArgumentException if sigma or sigma·multiplier is not positive and finite
     */
    public static GrayF64 dog(GrayImage in, double sigma, double multiplier, Border border) {
        checkSigma("sigma", sigma);
        checkSigma("sigma·multiplier", sigma * multiplier);
        Objects.requireNonNull(border, "border");
        GrayF64 narrow = new GrayF64(in.height(), in.width());
        GrayF64 wide = new GrayF64(in.height(), in.width());
        gaussian(in, sigma, sigma, 0, 0, border, 0.0, narrow);
        gaussian(in, sigma * multiplier, sigma * multiplier, 0, 0, border, 0.0, wide);
        double[] w = wide.data();
        double[] n = narrow.data();
        for (int i = 0; i < w.length; i++) {
            w[i] -= n[i];
        }
        return wide;
    }

    /**
     * Edges as zero crossings of the {@link #dog difference of Gaussians} D, a 0/1 mask: a pixel is an edge if
     * D &lt; 0 there and a 4-neighbour has D &gt; 0 with a jump larger than {@code 0.75·mean|D|} (the edge is put on
     * the negative side), or if D is exactly 0 between a positive and a negative neighbour (left/right or up/down)
     * differing by more than that threshold. mahotas's {@code dog} tests the same pairs but only on rows and columns
     * 1..n−3, and checks its {+ −} case on the pair around the pixel; this version treats every pixel alike.
     */
    public static GrayU8 dogEdges(GrayImage in, double sigma, double multiplier, Border border) {
        return ZeroCrossings.of(dog(in, sigma, multiplier, border));
    }

    /** The Laplacian, as {@code scipy.ndimage.laplace}; see the long form. */
    public static GrayImage laplacian(GrayImage in, Border border) {
        return laplacian(in, border, 0.0, floatLike(in));
    }

    /**
     * The discrete Laplacian {@code f(r−1,c) + f(r+1,c) + f(r,c−1) + f(r,c+1) − 4·f(r,c)}, as
     * {@code scipy.ndimage.laplace(in, mode, cval)} (the sum of the second differences along each axis).
     *
     * @return {@code out}
     */
    public static GrayImage laplacian(GrayImage in, Border border, double cval, GrayImage out) {
        Taps taps = new Taps(new int[] {-1, 0, 0, 0, 1}, new int[] {0, -1, 0, 1, 0}, new double[] {1, 1, -4, 1, 1});
        taps.apply(prepare(in, border, out), border, cval, 1.0, out);
        return out;
    }

    /**
     * mahotas's {@code laplacian_2D(in, alpha)}: correlation with the 3×3 kernel whose corners are {@code α/(1+α)},
     * edges {@code (1−α)/(1+α)} and centre {@code −4/(1+α)} (MATLAB's {@code fspecial('laplacian', α)});
     * mahotas reads borders as {@link Border#NEAREST}. Float32 input gives float32, anything else float64.
     *
     * @throws IllegalArgumentException if alpha is outside [0, 1]
     */
    public static GrayImage laplacian2D(GrayImage in, double alpha, Border border) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha outside [0, 1]: " + alpha);
        }
        double d = alpha / (1 + alpha);
        double e = (1 - alpha) / (1 + alpha);
        double c = -4 / (1 + alpha);
        return correlate(in, Kernel.of(new double[][] {{d, e, d}, {e, c, e}, {d, e, d}}), border, 0.0, floatLike(in));
    }

    /** The Sobel gradient as mahotas computes it, with {@link Border#NEAREST}; see {@link #sobel(GrayImage, Border)}. */
    public static GrayF64 sobel(GrayImage in) {
        return sobel(in, Border.NEAREST);
    }

    /**
     * The squared Sobel gradient magnitude, as mahotas's {@code sobel(img, just_filter=True)}: the image is scaled to
     * [0, 1] by {@code (x − min)/(max − min)}, correlated with {@code [[-1,0,1],[-2,0,2],[-1,0,1]]/8} and its
     * transpose, and the two results are squared and added. A constant image gives all zeros. The thresholded edge
     * mask of mahotas's default {@code sobel} is not provided here (it needs regional maxima).
     */
    public static GrayF64 sobel(GrayImage in, Border border) {
        Objects.requireNonNull(border, "border");
        GrayF64 scaled = in.toF64();
        double[] x = scaled.data();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double ptp = max - min;
        if (!(ptp > 0)) {
            return new GrayF64(in.height(), in.width());
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - min) / ptp;
        }
        GrayF64 h = new GrayF64(in.height(), in.width());
        GrayF64 v = new GrayF64(in.height(), in.width());
        Kernel.of(SOBEL_H).taps(false).apply(scaled, border, 0.0, 1.0, h);
        Kernel.of(SOBEL_V).taps(false).apply(scaled, border, 0.0, 1.0, v);
        double[] hd = h.data();
        double[] vd = v.data();
        for (int i = 0; i < hd.length; i++) {
            vd[i] = vd[i] * vd[i] + hd[i] * hd[i];
        }
        return v;
    }

    /** Correlation with {@code kernel}, giving an image of the input's type; see the long form. */
    public static GrayImage correlate(GrayImage in, Kernel kernel, Border border) {
        return correlate(in, kernel, border, 0.0, in.zerosLike());
    }

    /**
     * Correlation, as {@code scipy.ndimage.correlate}: {@code out(p) = Σ_j kernel(j) · in(p + j − origin)} with the
     * origin at {@code (height/2, width/2)}. This is what mahotas calls {@code convolve}. Zero weights are skipped;
     * the sum is taken in float64 in the kernel's raster order and converted to {@code out}'s type.
     *
     * @return {@code out}
     */
    public static GrayImage correlate(GrayImage in, Kernel kernel, Border border, double cval, GrayImage out) {
        Objects.requireNonNull(kernel, "kernel");
        kernel.taps(false).apply(prepare(in, border, out), border, cval, 1.0, out);
        return out;
    }

    /** True convolution with {@code kernel}, giving an image of the input's type; see the long form. */
    public static GrayImage convolve(GrayImage in, Kernel kernel, Border border) {
        return convolve(in, kernel, border, 0.0, in.zerosLike());
    }

    /**
     * Convolution, as {@code scipy.ndimage.convolve}: correlation with the kernel rotated by 180 degrees, i.e.
     * {@code out(p) = Σ_j kernel(j) · in(p − (j − origin))}. mahotas's {@code convolve} does not flip the kernel
     * (use {@link #correlate} for its results); the two agree only for symmetric kernels.
     *
     * @return {@code out}
     */
    public static GrayImage convolve(GrayImage in, Kernel kernel, Border border, double cval, GrayImage out) {
        Objects.requireNonNull(kernel, "kernel");
        kernel.taps(true).apply(prepare(in, border, out), border, cval, 1.0, out);
        return out;
    }

    /** The mean over a footprint, in float64; see the long form. */
    public static GrayF64 mean(GrayImage in, StructuringElement footprint, Border border) {
        GrayF64 out = new GrayF64(in.height(), in.width());
        mean(in, footprint, border, 0.0, out);
        return out;
    }

    /**
     * The mean of the pixels under the footprint's members (origin at its centre), as
     * {@code scipy.ndimage.generic_filter(in, np.mean, footprint=..., mode, cval)}: outside pixels count with the
     * border mode's value. mahotas's {@code mean_filter} defaults to its 'ignore' mode, which averages only the
     * pixels inside the image; {@link Border} has no such mode.
     *
     * @return {@code out}
     */
    public static GrayImage mean(GrayImage in, StructuringElement footprint, Border border, double cval, GrayImage out) {
        Objects.requireNonNull(footprint, "footprint");
        Taps.ofFootprint(footprint).apply(prepare(in, border, out), border, cval, footprint.size(), out);
        return out;
    }

    /**
     * The mean of the footprint's members that lie inside the image, in float64: mahotas's default
     * {@code mean_filter(in, Bc)} (its 'ignore' mode), where border pixels average fewer samples. {@link Border} has
     * no such mode, so this is a method of its own.
     */
    public static GrayF64 meanInside(GrayImage in, StructuringElement footprint) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(footprint, "footprint");
        Taps taps = Taps.ofFootprint(footprint);
        GrayF64 sum = new GrayF64(in.height(), in.width());
        taps.apply(in, Border.CONSTANT, 0.0, 1.0, sum);
        GrayU8 ones = new GrayU8(in.height(), in.width());
        ones.fill(1);
        GrayF64 count = new GrayF64(in.height(), in.width());
        taps.apply(ones, Border.CONSTANT, 0.0, 1.0, count);
        double[] s = sum.data();
        double[] n = count.data();
        for (int i = 0; i < s.length; i++) {
            s[i] /= n[i];
        }
        return sum;
    }

    /** Checks the common arguments and returns the image to read: a copy when {@code out} shares its array. */
    static GrayImage prepare(GrayImage in, Border border, GrayImage out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(border, "border");
        Objects.requireNonNull(out, "out");
        GrayImage.requireSameShape("in", in, "out", out);
        return Rows.shareArray(in, out) ? in.copy() : in;
    }

    private static GrayImage floatLike(GrayImage in) {
        DType type = Rows.floatTypeFor(Objects.requireNonNull(in, "in").dtype());
        return GrayImage.zeros(type, in.height(), in.width());
    }

    private static void checkSigma(String name, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException(name + " <= 0: " + sigma);
        }
        if (Double.isInfinite(sigma) || 4.0 * sigma + 0.5 >= 1 << 24) {
            throw new IllegalArgumentException(name + " too large for a kernel: " + sigma);
        }
    }

    private static void checkOrder(String name, int order) {
        if (order < 0 || order > GaussianKernel.MAX_ORDER) {
            throw new IllegalArgumentException(name + " outside 0.." + GaussianKernel.MAX_ORDER + ": " + order);
        }
    }
}
