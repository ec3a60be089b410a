package jug.vision.feature;

/** The Haralick features of one co-occurrence matrix, in one pass over its cells plus O(levels) work. */
final class HaralickFeatures {
    private static final double LN2 = Math.log(2);
    /** c·log2(c) for small counts, which covers almost every cell; larger counts call Math.log. */
    private static final double[] N_LOG2_N = new double[1 << 12];

    static {
        for (int c = 1; c < N_LOG2_N.length; c++) {
            N_LOG2_N[c] = c * (Math.log(c) / LN2);
        }
    }

    private HaralickFeatures() {
    }

    /**
     * The 13 (or 14) features of the {@code levels × levels} count matrix {@code counts}, which must have a positive
     * total. {@code symmetric} says that counts equals its transpose, which allows a shortcut for HXY1.
     */
    static double[] compute(int[] counts, int levels, boolean symmetric, Haralick.Options options) {
        int g = levels;
        long[] rowSum = new long[g];
        long[] colSum = new long[g];
        long[] plus = new long[2 * g];
        long[] minus = new long[g];
        long sumSq = 0;
        double sumIJ = 0;
        double idm = 0;
        double cLogC = 0;
        for (int i = 0; i < g; i++) {
            int base = i * g;
            long rs = 0;
            double rowJ = 0;
            for (int j = 0; j < g; j++) {
                int c = counts[base + j];
                if (c == 0) {
                    continue;
                }
                int k = i > j ? i - j : j - i;
                rs += c;
                colSum[j] += c;
                sumSq += (long) c * c;
                rowJ += (double) j * c;
                idm += c / (1.0 + (double) k * k);
                plus[i + j] += c;
                minus[k] += c;
                cLogC += c < N_LOG2_N.length ? N_LOG2_N[c] : c * (Math.log(c) / LN2);
            }
            rowSum[i] = rs;
            sumIJ += rowJ * i;
        }
        long total = 0;
        for (long r : rowSum) {
            total += r;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("empty co-occurrence matrix: every count is 0");
        }
        double t = total;
        double ux = 0;
        double uy = 0;
        double x2 = 0;
        double y2 = 0;
        for (int k = 0; k < g; k++) {
            double px = colSum[k] / t;
            double py = rowSum[k] / t;
            ux += k * px;
            uy += k * py;
            x2 += (double) k * k * px;
            y2 += (double) k * k * py;
        }
        double vx = x2 - ux * ux;
        double vy = y2 - uy * uy;
        double sx = Math.sqrt(vx);
        double sy = Math.sqrt(vy);

        double[] f = new double[options.fourteenth() ? 14 : 13];
        f[0] = sumSq / (t * t);
        double diffMean = 0;
        double diffSq = 0;
        for (int k = 0; k < g; k++) {
            double p = minus[k] / t;
            diffMean += k * p;
            diffSq += (double) k * k * p;
        }
        f[1] = diffSq;
        f[2] = sx == 0 || sy == 0 ? 1 : (sumIJ / t - ux * uy) / (sx * sy);
        f[3] = vx;
        f[4] = idm / t;
        double sumMean = 0;
        double sumSqK = 0;
        for (int k = 0; k < 2 * g; k++) {
            double p = plus[k] / t;
            sumMean += k * p;
            sumSqK += (double) k * k * p;
        }
        f[5] = sumMean;
        f[7] = entropy(plus, t);
        if (options.preserveHaralickBug()) {
            double s = 0;
            for (int k = 0; k < 2 * g; k++) {
                double d = k - f[7];
                s += d * d * (plus[k] / t);
            }
            f[6] = s;
        } else {
            f[6] = sumSqK - sumMean * sumMean;
        }
        double hxy = Math.log(t) / LN2 - cLogC / t;
        f[8] = hxy;
        f[9] = options.xMinusYVariance() ? diffSq - diffMean * diffMean : variance(minus, t);
        f[10] = entropy(minus, t);

        double hx = entropy(colSum, t);
        double hy = entropy(rowSum, t);
        double hxy1 = symmetric ? hxy1Symmetric(rowSum, colSum, t) : hxy1General(counts, g, rowSum, colSum, t);
        // Σ px_a·py_b·log2(px_a·py_b) over the outer product splits into HX·Σpy + HY·Σpx, and both sums are 1
        double hxy2 = hx + hy;
        double hmax = Math.max(hx, hy);
        f[11] = hmax == 0 ? hxy - hxy1 : (hxy - hxy1) / hmax;
        f[12] = Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - hxy))));
        if (options.fourteenth()) {
            f[13] = maximalCorrelation(counts, g, colSum, t);
        }
        return f;
    }

    private static double entropy(long[] counts, double t) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / t;
                h -= p * (Math.log(p) / LN2);
            }
        }
        return h;
    }

    /** numpy's {@code var} of the probability vector counts / t: the mean square deviation from its mean. */
    private static double variance(long[] counts, double t) {
        int n = counts.length;
        double mean = 0;
        for (long c : counts) {
            mean += c / t;
        }
        mean /= n;
        double s = 0;
        for (long c : counts) {
            double d = c / t - mean;
            s += d * d;
        }
        return s / n;
    }

    /** HXY1 = −Σ p_ab·log2(px_a·py_b); for a symmetric matrix every non-empty cell has px_a, py_b > 0, so it is O(levels). */
    private static double hxy1Symmetric(long[] rowSum, long[] colSum, double t) {
        double h = 0;
        for (int a = 0; a < rowSum.length; a++) {
            if (colSum[a] > 0) {
                h -= (rowSum[a] / t) * (Math.log(colSum[a] / t) / LN2);
            }
            if (rowSum[a] > 0) {
                h -= (colSum[a] / t) * (Math.log(rowSum[a] / t) / LN2);
            }
        }
        return h;
    }

    /** HXY1 for any matrix: cells whose px_a·py_b is 0 contribute nothing, as in mahotas (log of 1 there). */
    private static double hxy1General(int[] counts, int g, long[] rowSum, long[] colSum, double t) {
        double[] lx = new double[g];
        double[] ly = new double[g];
        for (int k = 0; k < g; k++) {
            lx[k] = colSum[k] > 0 ? Math.log(colSum[k] / t) / LN2 : Double.NaN;
            ly[k] = rowSum[k] > 0 ? Math.log(rowSum[k] / t) / LN2 : Double.NaN;
        }
        double h = 0;
        for (int a = 0; a < g; a++) {
            if (colSum[a] == 0) {
                continue;
            }
            for (int b = 0; b < g; b++) {
                int c = counts[a * g + b];
                if (c != 0 && rowSum[b] > 0) {
                    h -= (c / t) * (lx[a] + ly[b]);
                }
            }
        }
        return h;
    }

    /**
     * mahotas's 14th feature: the square root of the second-largest eigenvalue of the correlation matrix of the
     * rows of p restricted to the rows and columns whose px is non-zero; 0 with two or fewer such rows, NaN where a
     * row has zero variance (numpy's corrcoef divides by 0 there and mahotas then fails).
     */
    private static double maximalCorrelation(int[] counts, int g, long[] colSum, double t) {
        int m = 0;
        int[] keep = new int[g];
        for (int k = 0; k < g; k++) {
            if (colSum[k] != 0) {
                keep[m++] = k;
            }
        }
        if (m <= 2) {
            return 0;
        }
        double[] rows = new double[m * m];
        for (int r = 0; r < m; r++) {
            double mean = 0;
            for (int c = 0; c < m; c++) {
                double p = counts[keep[r] * g + keep[c]] / t;
                rows[r * m + c] = p;
                mean += p;
            }
            mean /= m;
            for (int c = 0; c < m; c++) {
                rows[r * m + c] -= mean;
            }
        }
        double[] norm = new double[m];
        for (int r = 0; r < m; r++) {
            norm[r] = Math.sqrt(dot(rows, r, r, m));
        }
        double[] corr = new double[m * m];
        for (int r = 0; r < m; r++) {
            for (int s = r; s < m; s++) {
                double v = dot(rows, r, s, m) / (norm[r] * norm[s]);
                v = Math.max(-1, Math.min(1, v));
                corr[r * m + s] = v;
                corr[s * m + r] = v;
            }
        }
        double[] eig = SymmetricEigen.eigenvalues(corr, m);
        return Math.sqrt(eig[m - 2]);
    }

    private static double dot(double[] rows, int r, int s, int m) {
        double sum = 0;
        for (int c = 0; c < m; c++) {
            sum += rows[r * m + c] * rows[s * m + c];
        }
        return sum;
    }
}
