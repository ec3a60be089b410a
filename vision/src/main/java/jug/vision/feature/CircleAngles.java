package jug.vision.feature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Correctly rounded sines and cosines of the LBP sampling angles k·(2π/points), the doubles numpy's
 * {@code np.sin(np.linspace(0, 2π, points + 1)[:-1])} gives. {@link Math#sin} is within an ulp but not always the
 * nearest double, and an ulp can move a sample across a rounding boundary of mahotas's sampler.
 */
final class CircleAngles {
    private static final BigDecimal PI =
            new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899863");
    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal HALF_PI = PI.divide(BigDecimal.valueOf(2), MC);
    private static final BigDecimal EPSILON = new BigDecimal("1e-58");
    private static final ConcurrentHashMap<Integer, double[][]> CACHE = new ConcurrentHashMap<>();

    private CircleAngles() {
    }

    /** {@code [sines, cosines]} of the angles k·(2π/points), k = 0 .. points − 1, with the angle itself in float64. */
    static double[][] of(int points) {
        return CACHE.computeIfAbsent(points, CircleAngles::compute);
    }

    private static double[][] compute(int points) {
        double step = 2 * Math.PI / points;
        double[] sin = new double[points];
        double[] cos = new double[points];
        for (int k = 0; k < points; k++) {
            double[] sc = sinCos(k * step);
            sin[k] = sc[0];
            cos[k] = sc[1];
        }
        return new double[][] {sin, cos};
    }

    /** sin and cos of a double, rounded to nearest from a 60-digit evaluation. */
    static double[] sinCos(double angle) {
        BigDecimal x = new BigDecimal(angle);
        BigDecimal quadrants = x.divide(HALF_PI, MC).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal r = x.subtract(HALF_PI.multiply(quadrants, MC), MC);
        BigDecimal s = series(r, r, 1);
        BigDecimal c = series(r, BigDecimal.ONE, 0);
        BigDecimal sin;
        BigDecimal cos;
        switch (quadrants.remainder(BigDecimal.valueOf(4)).intValue() & 3) {
            case 0 -> {
                sin = s;
                cos = c;
            }
            case 1 -> {
                sin = c;
                cos = s.negate();
            }
            case 2 -> {
                sin = s.negate();
                cos = c.negate();
            }
            default -> {
                sin = c.negate();
                cos = s;
            }
        }
        return new double[] {sin.doubleValue(), cos.doubleValue()};
    }

    /** Σ (−1)^n r^(2n+first)/(2n+first)!, starting from {@code term} = r^first/first!. */
    private static BigDecimal series(BigDecimal r, BigDecimal term, int first) {
        BigDecimal minusR2 = r.multiply(r, MC).negate();
        BigDecimal sum = term;
        for (int n = first; term.abs().compareTo(EPSILON) > 0; n += 2) {
            term = term.multiply(minusR2, MC).divide(BigDecimal.valueOf((long) (n + 1) * (n + 2)), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }
}
