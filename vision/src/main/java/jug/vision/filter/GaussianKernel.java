package jug.vision.filter;

/**
 * The 1-D Gaussian (or Gaussian-derivative) weights of one axis, as correlation weights: {@code half[k]} is the weight
 * of the sample at offset {@code +k}; the sample at {@code -k} has the same weight, or its negative when
 * {@link #odd} (odd derivative orders).
 *
 * <p>Built as scipy's {@code _gaussian_kernel1d}: {@code phi(x) = exp(-x²/(2σ²))} on {@code x = -r..r} with
 * {@code r = int(4σ + 0.5)}, normalised to sum 1, times the polynomial {@code q(x)} of the order-th derivative
 * ({@code q' = dq/dx - x·q/σ²}, {@code q₀ = 1}); scipy applies it as a convolution, so the correlation weight at
 * {@code +k} is the derivative kernel's value at {@code -k}. mahotas correlates with the kernel itself instead,
 * which flips the sign of odd orders.
 */
final class GaussianKernel {
    /** Highest derivative order accepted. */
    static final int MAX_ORDER = 3;

    final double[] half;
    final boolean odd;

    private GaussianKernel(double[] half, boolean odd) {
        this.half = half;
        this.odd = odd;
    }

    int radius() {
        return half.length - 1;
    }

    static GaussianKernel of(double sigma, int order) {
        int radius = (int) (4.0 * sigma + 0.5);
        int n = 2 * radius + 1;
        double sigma2 = sigma * sigma;
        double[] phi = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = i - radius;
            phi[i] = Math.exp(-0.5 / sigma2 * x * x);
            sum += phi[i];
        }
        // q holds the polynomial coefficients of the derivative, lowest power first.
        double[] q = new double[order + 1];
        q[0] = 1;
        for (int step = 0; step < order; step++) {
            double[] next = new double[order + 1];
            for (int p = 1; p <= order; p++) {
                next[p - 1] += p * q[p];
            }
            for (int p = 0; p < order; p++) {
                next[p + 1] -= q[p] / sigma2;
            }
            q = next;
        }
        double[] half = new double[radius + 1];
        for (int k = 0; k <= radius; k++) {
            double x = -k; // the convolution kernel read backwards: correlation weight at +k is kernel(-k)
            double poly = 0;
            double power = 1;
            for (int p = 0; p <= order; p++) {
                poly += q[p] * power;
                power *= x;
            }
            half[k] = poly * (phi[radius + k] / sum);
        }
        return new GaussianKernel(half, order % 2 == 1);
    }
}
