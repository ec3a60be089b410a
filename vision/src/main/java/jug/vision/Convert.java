package jug.vision;

import java.util.Arrays;
import java.util.List;

/**
 * Explicit conversions between pixel types, colour to grey, contrast stretching, and binary masks.
 *
 * <p>Type conversions convert values, they do not rescale: a float pixel of 3.5 becomes 4 in uint8, 300 becomes 255
 * and -2 becomes 0. Rounding is to the nearest integer with ties to even (numpy's {@code np.rint}), out-of-range
 * values saturate at the target type's limits, and NaN becomes 0. numpy's {@code astype} truncates and wraps instead;
 * use {@link #stretch} to map a range of values onto another. Every method returns a new contiguous image and
 * accepts crop views.
 *
 * <p>Masks are {@link GrayU8} images of 0 and 1, mahotas's boolean arrays; {@link #maskTo255} makes them visible
 * when written to a file.
 */
public final class Convert {
    private static final double R_WEIGHT = 0.30;
    private static final double G_WEIGHT = 0.59;
    private static final double B_WEIGHT = 0.11;

    private Convert() {
    }

    /** Converts to the given type, with the rounding and saturation described on {@link Convert}. */
    public static GrayImage to(GrayImage img, DType dtype) {
        return switch (dtype) {
            case U8 -> toU8(img);
            case U16 -> toU16(img);
            case S32 -> toS32(img);
            case F32 -> toF32(img);
            case F64 -> toF64(img);
        };
    }

    /** Converts to uint8: round half to even, clamp to 0..255, NaN to 0. */
    public static GrayU8 toU8(GrayImage img) {
        GrayU8 out = new GrayU8(img.height(), img.width());
        if (img instanceof GrayU8 u8) {
            copyRows(u8, out);
            return out;
        }
        byte[] o = out.data();
        convertRows(img, (row, buf, w) -> {
            int base = row * w;
            for (int c = 0; c < w; c++) {
                o[base + c] = (byte) saturate(buf[c], 0, 255);
            }
        });
        return out;
    }

    /** Converts to uint16: round half to even, clamp to 0..65535, NaN to 0. */
    public static GrayU16 toU16(GrayImage img) {
        GrayU16 out = new GrayU16(img.height(), img.width());
        short[] o = out.data();
        convertRows(img, (row, buf, w) -> {
            int base = row * w;
            for (int c = 0; c < w; c++) {
                o[base + c] = (short) saturate(buf[c], 0, 65535);
            }
        });
        return out;
    }

    /** Converts to int32: round half to even, clamp to the int range, NaN to 0. */
    public static GrayS32 toS32(GrayImage img) {
        GrayS32 out = new GrayS32(img.height(), img.width());
        int[] o = out.data();
        convertRows(img, (row, buf, w) -> {
            int base = row * w;
            for (int c = 0; c < w; c++) {
                o[base + c] = (int) saturate(buf[c], Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
        });
        return out;
    }

    /** Converts to float32; int32 and float64 values beyond float precision round to nearest (a new image, always). */
    public static GrayF32 toF32(GrayImage img) {
        return img.toF32();
    }

    /** Converts to float64, exactly (a new image, always). */
    public static GrayF64 toF64(GrayImage img) {
        return img.toF64();
    }

    /**
     * Luminance of an RGB or RGBA image, {@code 0.30 R + 0.59 G + 0.11 B} in float64, as mahotas's {@code rgb2grey};
     * an alpha band is ignored.
     */
    public static GrayF64 rgbToGrey(Planar<? extends GrayImage> rgb) {
        if (rgb.bandCount() != 3 && rgb.bandCount() != 4) {
            throw new IllegalArgumentException("rgbToGrey needs 3 (RGB) or 4 (RGBA) bands: " + rgb.bandCount());
        }
        return weightedSum(rgb.bands().subList(0, 3), new double[] {R_WEIGHT, G_WEIGHT, B_WEIGHT});
    }

    /**
     * The plain mean of all bands in float64, numpy's {@code im.mean(2)} (including an alpha band if there is one:
     * take {@code Planar.of(bands.subList(0, 3))} first to leave it out).
     */
    public static GrayF64 bandMean(Planar<? extends GrayImage> img) {
        double[] w = new double[img.bandCount()];
        Arrays.fill(w, 1.0);
        GrayF64 sum = weightedSum(img.bands(), w);
        double[] d = sum.data();
        double n = img.bandCount();
        for (int i = 0; i < d.length; i++) {
            d[i] /= n;
        }
        return sum;
    }

    /** The per-pixel maximum over all bands, in the bands' own type: numpy's {@code im.max(2)}. */
    public static GrayImage bandMax(Planar<? extends GrayImage> img) {
        GrayF64 max = img.band(0).toF64();
        double[] m = max.data();
        double[] buf = new double[img.width()];
        for (GrayImage band : img.bands().subList(1, img.bandCount())) {
            for (int r = 0; r < img.height(); r++) {
                band.readRow(r, buf);
                int base = r * img.width();
                for (int c = 0; c < buf.length; c++) {
                    m[base + c] = Math.max(m[base + c], buf[c]);
                }
            }
        }
        return to(max, img.dtype());
    }

    /** Stretches linearly so that the image's minimum becomes 0 and its maximum 255 (mahotas {@code stretch(img)}). */
    public static GrayU8 stretch(GrayImage img) {
        return (GrayU8) stretch(img, 0, 255, DType.U8);
    }

    /** Stretches linearly onto {@code [0, max]} (mahotas {@code stretch(img, max)}); max must be at most 255. */
    public static GrayU8 stretch(GrayImage img, int max) {
        return (GrayU8) stretch(img, 0, max, DType.U8);
    }

    /** Stretches linearly onto {@code [min, max]} (mahotas {@code stretch(img, min, max)}); both within 0..255. */
    public static GrayU8 stretch(GrayImage img, int min, int max) {
        return (GrayU8) stretch(img, min, max, DType.U8);
    }

    /**
     * Stretches linearly so that the image's minimum maps to {@code min} and its maximum to {@code max}, computing
     * {@code (v - lo) * (max - min) / (hi - lo) + min} in float64 and then, for integer types, truncating toward zero
     * as mahotas does (so 16.67 becomes 16); a constant image becomes all {@code min}. NaN pixels are left out of lo
     * and hi and become {@code min}. Two differences from mahotas: it multiplies by the rounded factor
     * {@code (max - min) / (hi - lo)} first, which can leave its top value one short ({@code [100, 200, 300]} gives
     * 254 there, here 255, exact for integer images); and where it wraps, {@code min} and {@code max} must lie within
     * the target type's range. {@code min > max} inverts the image.
     */
    public static GrayImage stretch(GrayImage img, double min, double max, DType dtype) {
        if (!(min >= dtype.min() && min <= dtype.max())) {
            throw new IllegalArgumentException("min outside the " + dtype.numpyName() + " range: " + min);
        }
        if (!(max >= dtype.min() && max <= dtype.max())) {
            throw new IllegalArgumentException("max outside the " + dtype.numpyName() + " range: " + max);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] buf = new double[img.width()];
        for (int r = 0; r < img.height(); r++) {
            img.readRow(r, buf);
            for (double v : buf) {
                // Comparisons rather than Math.min/max, which would let a NaN pixel poison the range.
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
        }
        double ptp = hi - lo;
        double span = max - min;
        double floor = lo;
        GrayF64 out = new GrayF64(img.height(), img.width());
        double[] o = out.data();
        convertRows(img, (row, b, w) -> {
            int base = row * w;
            for (int c = 0; c < w; c++) {
                double v = b[c];
                o[base + c] = v == v && ptp > 0 ? (v - floor) * span / ptp + min : min;
            }
        });
        if (dtype.isFloating()) {
            return dtype == DType.F64 ? out : out.toF32();
        }
        for (int i = 0; i < o.length; i++) {
            o[i] = o[i] < 0 ? Math.ceil(o[i]) : Math.floor(o[i]);
        }
        return to(out, dtype);
    }

    /** The mask {@code img > t}: 1 where the pixel is above t, else 0; the form every threshold method returns. */
    public static GrayU8 threshold(GrayImage img, double t) {
        return compare(img, t, true);
    }

    /** The mask {@code img < t}: 1 where the pixel is below t, for dark objects on a bright background. */
    public static GrayU8 thresholdBelow(GrayImage img, double t) {
        return compare(img, t, false);
    }

    /** The mask {@code img != 0}, the way mahotas binarises labels and distance inputs. */
    public static GrayU8 nonZero(GrayImage img) {
        GrayU8 out = new GrayU8(img.height(), img.width());
        byte[] o = out.data();
        convertRows(img, (row, buf, w) -> {
            int base = row * w;
            for (int c = 0; c < w; c++) {
                o[base + c] = (byte) (buf[c] != 0 ? 1 : 0);
            }
        });
        return out;
    }

    /** A viewable copy of a mask: 255 where the mask is nonzero, else 0. */
    public static GrayU8 maskTo255(GrayImage mask) {
        GrayU8 out = nonZero(mask);
        byte[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            o[i] = (byte) -o[i];
        }
        return out;
    }

    /** Logical not of a mask: 1 where it is 0, else 0. */
    public static GrayU8 not(GrayU8 mask) {
        GrayU8 out = new GrayU8(mask.height(), mask.width());
        byte[] o = out.data();
        byte[] m = mask.data();
        for (int r = 0; r < mask.height(); r++) {
            int in = mask.index(r, 0);
            int base = r * mask.width();
            for (int c = 0; c < mask.width(); c++) {
                o[base + c] = (byte) (m[in + c] == 0 ? 1 : 0);
            }
        }
        return out;
    }

    /** Logical and of two masks of the same shape: 1 where both are nonzero. */
    public static GrayU8 and(GrayU8 a, GrayU8 b) {
        return combine(a, b, 0);
    }

    /** Logical or of two masks of the same shape: 1 where either is nonzero. */
    public static GrayU8 or(GrayU8 a, GrayU8 b) {
        return combine(a, b, 1);
    }

    /** Logical exclusive or of two masks of the same shape: 1 where exactly one is nonzero. */
    public static GrayU8 xor(GrayU8 a, GrayU8 b) {
        return combine(a, b, 2);
    }

    private static GrayU8 combine(GrayU8 a, GrayU8 b, int op) {
        GrayImage.requireSameShape("a", a, "b", b);
        GrayU8 out = new GrayU8(a.height(), a.width());
        byte[] o = out.data();
        byte[] x = a.data();
        byte[] y = b.data();
        for (int r = 0; r < a.height(); r++) {
            int ia = a.index(r, 0);
            int ib = b.index(r, 0);
            int base = r * a.width();
            for (int c = 0; c < a.width(); c++) {
                boolean p = x[ia + c] != 0;
                boolean q = y[ib + c] != 0;
                boolean v = op == 0 ? p & q : op == 1 ? p | q : p ^ q;
                o[base + c] = (byte) (v ? 1 : 0);
            }
        }
        return out;
    }

    private static GrayU8 compare(GrayImage img, double t, boolean above) {
        GrayU8 out = new GrayU8(img.height(), img.width());
        byte[] o = out.data();
        int w = img.width();
        if (img instanceof GrayU8 u8 && !Double.isNaN(t)) {
            // Integer compare on the raw bytes: the common case after otsu, kept free of double conversion.
            byte[] d = u8.data();
            int limit = (int) Math.max(-1, Math.min(256, above ? Math.floor(t) : Math.ceil(t)));
            for (int r = 0; r < img.height(); r++) {
                int in = u8.index(r, 0);
                int base = r * w;
                // The sign bit of the difference is the comparison; without a branch the loop vectorises.
                if (above) {
                    for (int c = 0; c < w; c++) {
                        o[base + c] = (byte) ((limit - (d[in + c] & 0xFF)) >>> 31);
                    }
                } else {
                    for (int c = 0; c < w; c++) {
                        o[base + c] = (byte) (((d[in + c] & 0xFF) - limit) >>> 31);
                    }
                }
            }
            return out;
        }
        convertRows(img, (row, buf, width) -> {
            int base = row * width;
            for (int c = 0; c < width; c++) {
                o[base + c] = (byte) ((above ? buf[c] > t : buf[c] < t) ? 1 : 0);
            }
        });
        return out;
    }

    private static double saturate(double v, double lo, double hi) {
        if (v != v) {
            return 0;
        }
        return Math.rint(Math.max(lo, Math.min(hi, v)));
    }

    /** Receives row r of the image as doubles, with the width. */
    @FunctionalInterface
    private interface RowSink {
        void accept(int row, double[] values, int width);
    }

    private static void convertRows(GrayImage img, RowSink sink) {
        int w = img.width();
        Parallelism.forRows(img.height(), w, (from, to) -> {
            double[] buf = new double[w];
            for (int r = from; r < to; r++) {
                img.readRow(r, buf);
                sink.accept(r, buf, w);
            }
        });
    }

    private static GrayF64 weightedSum(List<? extends GrayImage> bands, double[] weights) {
        GrayImage first = bands.get(0);
        GrayF64 out = new GrayF64(first.height(), first.width());
        double[] o = out.data();
        double[] buf = new double[first.width()];
        for (int b = 0; b < bands.size(); b++) {
            double w = weights[b];
            for (int r = 0; r < first.height(); r++) {
                bands.get(b).readRow(r, buf);
                int base = r * first.width();
                for (int c = 0; c < buf.length; c++) {
                    o[base + c] += buf[c] * w;
                }
            }
        }
        return out;
    }

    private static void copyRows(GrayU8 in, GrayU8 out) {
        for (int r = 0; r < in.height(); r++) {
            System.arraycopy(in.data(), in.index(r, 0), out.data(), r * in.width(), in.width());
        }
    }
}
