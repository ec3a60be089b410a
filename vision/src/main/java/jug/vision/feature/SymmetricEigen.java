package jug.vision.feature;

import java.util.Arrays;

/** Eigenvalues of a real symmetric matrix: Householder reduction to tridiagonal form, then implicit shifted QR. */
final class SymmetricEigen {
    private static final double EPS = 0x1p-52;

    private SymmetricEigen() {
    }

    /**
     * The eigenvalues of the symmetric {@code n × n} matrix {@code a} (row-major; only read), in increasing order.
     * Returns all NaN if the matrix holds a NaN or the iteration does not converge.
     */
    static double[] eigenvalues(double[] a, int n) {
        double[] m = a.clone();
        for (double x : m) {
            if (Double.isNaN(x)) {
                return nans(n);
            }
        }
        double[] d = new double[n];
        double[] e = new double[Math.max(0, n - 1)];
        tridiagonalise(m, n, d, e);
        if (!diagonalise(d, e)) {
            return nans(n);
        }
        Arrays.sort(d);
        return d;
    }

    private static double[] nans(int n) {
        double[] r = new double[n];
        Arrays.fill(r, Double.NaN);
        return r;
    }

    /** Reduces {@code m} in place by similarity transforms H = I − 2vvᵀ, column by column; keeps diagonal and subdiagonal. */
    private static void tridiagonalise(double[] m, int n, double[] d, double[] e) {
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                norm2 += m[i * n + k] * m[i * n + k];
            }
            double x0 = m[(k + 1) * n + k];
            if (norm2 == 0) {
                continue;
            }
            // alpha has the opposite sign of x0, so v0 = x0 − alpha does not cancel
            double alpha = x0 > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            for (int i = k + 1; i < n; i++) {
                v[i] = m[i * n + k];
            }
            v[k + 1] -= alpha;
            double vnorm2 = norm2 - x0 * x0 + v[k + 1] * v[k + 1];
            if (vnorm2 == 0) {
                continue;
            }
            double scale = 1 / Math.sqrt(vnorm2);
            for (int i = k + 1; i < n; i++) {
                v[i] *= scale;
            }
            // B ← H B H on the trailing block: with p = Bv and K = vᵀp, B − 2(vqᵀ + qvᵀ), q = p − K v
            double kk = 0;
            for (int i = k + 1; i < n; i++) {
                double s = 0;
                for (int j = k + 1; j < n; j++) {
                    s += m[i * n + j] * v[j];
                }
                p[i] = s;
                kk += v[i] * s;
            }
            for (int i = k + 1; i < n; i++) {
                p[i] -= kk * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                double vi = 2 * v[i];
                double pi = 2 * p[i];
                for (int j = k + 1; j < n; j++) {
                    m[i * n + j] -= vi * p[j] + pi * v[j];
                }
            }
            m[(k + 1) * n + k] = alpha;
            m[k * n + k + 1] = alpha;
            for (int i = k + 2; i < n; i++) {
                m[i * n + k] = 0;
                m[k * n + i] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = m[i * n + i];
            if (i + 1 < n) {
                e[i] = m[(i + 1) * n + i];
            }
        }
    }

    /** Implicit QR with Wilkinson shifts on the tridiagonal (d, e); leaves the eigenvalues in d. */
    private static boolean diagonalise(double[] d, double[] e) {
        int n = d.length;
        int budget = 60 * Math.max(1, n);
        int hi = n - 1;
        while (hi > 0) {
            if (Math.abs(e[hi - 1]) <= EPS * (Math.abs(d[hi - 1]) + Math.abs(d[hi]))) {
                e[hi - 1] = 0;
                hi--;
                continue;
            }
            if (--budget < 0) {
                return false;
            }
            int lo = hi - 1;
            while (lo > 0 && Math.abs(e[lo - 1]) > EPS * (Math.abs(d[lo - 1]) + Math.abs(d[lo]))) {
                lo--;
            }
            double delta = (d[hi - 1] - d[hi]) / 2;
            double eh = e[hi - 1];
            double denominator = delta + Math.copySign(Math.hypot(delta, eh), delta);
            double mu = d[hi] - eh * eh / denominator;
            double x = d[lo] - mu;
            double z = e[lo];
            for (int k = lo; k < hi; k++) {
                double r = Math.hypot(x, z);
                double c = r == 0 ? 1 : x / r;
                double s = r == 0 ? 0 : z / r;
                if (k > lo) {
                    e[k - 1] = r;
                }
                double a = d[k];
                double b = e[k];
                double f = d[k + 1];
                d[k] = c * c * a + 2 * c * s * b + s * s * f;
                d[k + 1] = s * s * a - 2 * c * s * b + c * c * f;
                e[k] = c * s * (f - a) + (c * c - s * s) * b;
                if (k + 1 < hi) {
                    x = e[k];
                    z = s * e[k + 1];
                    e[k + 1] *= c;
                }
            }
        }
        return true;
    }
}
