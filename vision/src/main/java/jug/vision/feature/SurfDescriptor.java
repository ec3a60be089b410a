package jug.vision.feature;

/** Orientation and 64-value descriptor of a SURF point from Haar wavelet responses on the integral image. */
final class SurfDescriptor {
    private static final double WINDOW = Math.PI / 3;

    private SurfDescriptor() {
    }

    /**
     * The dominant orientation: Gaussian-weighted (σ = 2.5) Haar responses of side 4·scale at the 109 sample points
     * of a disc of radius 6·scale are summed over every π/3 window of response angles; the angle of the longest sum
     * wins.
     */
    static double orientation(IntegralImage img, double cy, double cx, double scale) {
        int haar = 2 * (int) Math.max(1, Math.round(2 * scale));
        double[] ang = new double[113];
        double[] rx = new double[113];
        double[] ry = new double[113];
        int n = 0;
        for (int r = -6; r <= 6; r++) {
            for (int c = -6; c <= 6; c++) {
                if (r * r + c * c >= 36) {
                    continue;
                }
                double weight = gaussian(c, r, 2.5);
                int y = (int) Math.round(cy + scale * r);
                int x = (int) Math.round(cx + scale * c);
                rx[n] = weight * img.haarX(y, x, haar);
                ry[n] = weight * img.haarY(y, x, haar);
                ang[n] = Math.atan2(ry[n], rx[n]);
                n++;
            }
        }
        // sort the samples by angle (insertion sort: n is about a hundred), then slide the window with prefix sums
        // over the angles unrolled twice round the circle
        for (int i = 1; i < n; i++) {
            double a = ang[i];
            double x = rx[i];
            double y = ry[i];
            int j = i - 1;
            for (; j >= 0 && ang[j] > a; j--) {
                ang[j + 1] = ang[j];
                rx[j + 1] = rx[j];
                ry[j + 1] = ry[j];
            }
            ang[j + 1] = a;
            rx[j + 1] = x;
            ry[j + 1] = y;
        }
        double[] px = new double[2 * n + 1];
        double[] py = new double[2 * n + 1];
        for (int k = 0; k < 2 * n; k++) {
            px[k + 1] = px[k] + rx[k % n];
            py[k + 1] = py[k] + ry[k % n];
        }
        double best = -1;
        double bestAngle = 0;
        int end = 0;
        for (int i = 0; i < n; i++) {
            end = Math.max(end, i + 1);
            while (end < i + n && unrolled(ang, end, n) - ang[i] < WINDOW) {
                end++;
            }
            double sx = px[end] - px[i];
            double sy = py[end] - py[i];
            double length = sx * sx + sy * sy;
            if (length > best) {
                best = length;
                bestAngle = Math.atan2(sy, sx);
            }
        }
        return bestAngle;
    }

    private static double unrolled(double[] ang, int k, int n) {
        return k < n ? ang[k] : ang[k - n] + 2 * Math.PI;
    }

    /**
     * The descriptor: a 20·scale square aligned with {@code angle}, split into 4×4 cells of 5×5 samples; each sample
     * takes Haar responses of side 2·scale, weighted by a Gaussian (σ = 3.3 samples) and turned into the square's
     * frame; each cell contributes Σdy, Σdx, Σ|dy|, Σ|dx| (mahotas's order); the result is scaled to unit length.
     */
    static double[] describe(IntegralImage img, double cy, double cx, double scale, double angle) {
        double sin = Math.sin(angle);
        double cos = Math.cos(angle);
        int haar = 2 * (int) Math.max(1, Math.round(scale));
        double[] des = new double[64];
        int k = 0;
        for (int cellV = -10; cellV < 10; cellV += 5) {
            for (int cellU = -10; cellU < 10; cellU += 5) {
                double sumU = 0;
                double sumV = 0;
                double absU = 0;
                double absV = 0;
                for (int sv = cellV; sv < cellV + 5; sv++) {
                    for (int su = cellU; su < cellU + 5; su++) {
                        // sample centres at half-integers make the 20×20 grid symmetric about the point
                        double u = (su + 0.5) * scale;
                        double v = (sv + 0.5) * scale;
                        int x = (int) Math.round(cx + u * cos - v * sin);
                        int y = (int) Math.round(cy + u * sin + v * cos);
                        double weight = gaussian(su + 0.5, sv + 0.5, 3.3);
                        double dx = weight * img.haarX(y, x, haar);
                        double dy = weight * img.haarY(y, x, haar);
                        double du = dx * cos + dy * sin;
                        double dv = -dx * sin + dy * cos;
                        sumU += du;
                        sumV += dv;
                        absU += Math.abs(du);
                        absV += Math.abs(dv);
                    }
                }
                des[k++] = sumV;
                des[k++] = sumU;
                des[k++] = absV;
                des[k++] = absU;
            }
        }
        double length = 1e-7;
        for (double d : des) {
            length += d * d;
        }
        length = Math.sqrt(length);
        for (int i = 0; i < 64; i++) {
            des[i] /= length;
        }
        return des;
    }

    private static double gaussian(double x, double y, double sigma) {
        return Math.exp(-(x * x + y * y) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
    }
}
