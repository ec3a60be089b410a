package jug.vision.feature;

import java.math.BigInteger;
import jug.vision.GrayImage;

/**
 * Zernike moments of an image, the rotation-invariant shape features of mahotas's {@code features.zernike_moments}.
 *
 * <p>Pixel (y, x) maps to the unit disc as X = (x − cx)/radius, Y = (y − cy)/radius, D = max(√(X² + Y²), 1e−9). Only
 * pixels with D ≤ 1 and a positive value count, with weights p = value / (sum of those values), so the moments do
 * not change when the image is scaled in intensity. For n = 0..degree and l = 0..n with n − l even (in that order),
 * the result holds |Z<sub>nl</sub>| with Z<sub>nl</sub> = (n+1)/π · Σ p·R<sub>nl</sub>(D)·conj(A<sup>l</sup>), where
 * A = (X + iY)/D (so A = 0 at the centre pixel itself, as in mahotas) and R<sub>nl</sub> is the Zernike radial
 * polynomial Σ<sub>m=0</sub><sup>(n−l)/2</sup> (−1)<sup>m</sup>(n−m)!/(m!((n−2m+l)/2)!((n−2m−l)/2)!)·D<sup>n−2m</sup>.
 * The first value is always 1/π when any pixel counts; all values are 0 when none does.
 */
public final class Zernike {
    /** The highest degree accepted: beyond it the alternating radial polynomials lose all float64 precision. */
    public static final int MAX_DEGREE = 40;

    private Zernike() {
    }

    /** Number of moments up to {@code degree}: Σ<sub>n≤degree</sub> (⌊n/2⌋ + 1), 25 for degree 8. */
    public static int count(int degree) {
        checkDegree(degree);
        int c = 0;
        for (int n = 0; n <= degree; n++) {
            c += n / 2 + 1;
        }
        return c;
    }

    /** The moments about the intensity-weighted centre of mass of the whole image (mahotas's default centre). */
    public static double[] moments(GrayImage image, double radius, int degree) {
        double sum = 0;
        double sumRow = 0;
        double sumCol = 0;
        for (int r = 0; r < image.height(); r++) {
            int base = image.index(r, 0);
            double rowSum = 0;
            double rowCol = 0;
            for (int c = 0; c < image.width(); c++) {
                double v = image.valueAt(base + c);
                rowSum += v;
                rowCol += v * c;
            }
            sum += rowSum;
            sumRow += rowSum * r;
            sumCol += rowCol;
        }
        return moments(image, radius, degree, sumRow / sum, sumCol / sum);
    }

    /**
     * The moments of {@code image} on the disc of {@code radius} pixels about (centreRow, centreCol), for every
     * (n, l) up to {@code degree} as described above; {@link #count(int)} values.
     */
    public static double[] moments(GrayImage image, double radius, int degree, double centreRow, double centreCol) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive and finite: " + radius);
        }
        checkDegree(degree);
        int d1 = degree + 1;
        // s[k][l] = Σ value·D^k·conj(A^l) over counted pixels, for k ≥ l with k − l even; each Z_nl is a fixed
        // combination of s[n − 2m][l], so the per-pixel work is degree² multiply-adds instead of a polynomial per moment
        double[] sRe = new double[d1 * d1];
        double[] sIm = new double[d1 * d1];
        double[] dPow = new double[d1];
        double[] aRe = new double[d1];
        double[] aIm = new double[d1];
        double total = 0;
        // only the disc's bounding box (with a margin for rounding) can hold pixels with D <= 1
        double reach = radius * (1 + 1e-6) + 1;
        int r0 = (int) Math.max(0, Math.floor(centreRow - reach));
        int r1 = (int) Math.min(image.height(), Math.ceil(centreRow + reach) + 1);
        int c0 = (int) Math.max(0, Math.floor(centreCol - reach));
        int c1 = (int) Math.min(image.width(), Math.ceil(centreCol + reach) + 1);
        for (int r = r0; r < r1; r++) {
            double y = (r - centreRow) / radius;
            int base = image.index(r, 0);
            for (int c = c0; c < c1; c++) {
                double value = image.valueAt(base + c);
                double x = (c - centreCol) / radius;
                double d = Math.max(Math.sqrt(x * x + y * y), 1e-9);
                if (!(d <= 1) || !(value > 0)) {
                    continue;
                }
                total += value;
                double ar = x / d;
                double ai = y / d;
                dPow[0] = value;
                aRe[0] = 1;
                aIm[0] = 0;
                for (int k = 1; k < d1; k++) {
                    dPow[k] = dPow[k - 1] * d;
                    aRe[k] = aRe[k - 1] * ar - aIm[k - 1] * ai;
                    aIm[k] = aRe[k - 1] * ai + aIm[k - 1] * ar;
                }
                for (int l = 0; l < d1; l++) {
                    double re = aRe[l];
                    double im = aIm[l];
                    for (int k = l; k < d1; k += 2) {
                        sRe[k * d1 + l] += dPow[k] * re;
                        sIm[k * d1 + l] -= dPow[k] * im;
                    }
                }
            }
        }
        double[] out = new double[count(degree)];
        if (total == 0) {
            return out;
        }
        int i = 0;
        for (int n = 0; n <= degree; n++) {
            for (int l = n % 2; l <= n; l += 2) {
                double re = 0;
                double im = 0;
                for (int m = 0; m <= (n - l) / 2; m++) {
                    double coefficient = radialCoefficient(n, l, m);
                    re += coefficient * sRe[(n - 2 * m) * d1 + l];
                    im += coefficient * sIm[(n - 2 * m) * d1 + l];
                }
                double scale = (n + 1) / Math.PI / total;
                out[i++] = Math.hypot(re * scale, im * scale);
            }
        }
        return out;
    }

    /** (−1)^m (n−m)! / (m! ((n−2m+l)/2)! ((n−2m−l)/2)!), an integer computed exactly for the degrees allowed. */
    static double radialCoefficient(int n, int l, int m) {
        BigInteger num = factorial(n - m);
        BigInteger den = factorial(m).multiply(factorial((n - 2 * m + l) / 2)).multiply(factorial((n - 2 * m - l) / 2));
        double v = num.divide(den).doubleValue();
        return m % 2 == 0 ? v : -v;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigInteger.valueOf(k));
        }
        return f;
    }

    private static void checkDegree(int degree) {
        if (degree < 0 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("degree outside 0.." + MAX_DEGREE + ": " + degree);
        }
    }
}
