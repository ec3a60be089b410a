package jug.vision.filter;

import jug.vision.GrayF64;
import jug.vision.GrayU8;

/** Zero-crossing edges of a signed response such as a difference of Gaussians; see {@link Filters#dogEdges}. */
final class ZeroCrossings {
    private ZeroCrossings() {
    }

    static GrayU8 of(GrayF64 response) {
        int h = response.height();
        int w = response.width();
        double[] d = response.data();
        GrayU8 edges = new GrayU8(h, w);
        byte[] e = edges.data();
        double sum = 0;
        for (double v : d) {
            sum += Math.abs(v);
        }
        double thresh = d.length == 0 ? 0 : 0.75 * sum / d.length;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                double v = d[i];
                boolean edge;
                if (v < 0) {
                    edge = c > 0 && rises(v, d[i - 1], thresh) || c + 1 < w && rises(v, d[i + 1], thresh)
                            || r > 0 && rises(v, d[i - w], thresh) || r + 1 < h && rises(v, d[i + w], thresh);
                } else if (v == 0) {
                    edge = c > 0 && c + 1 < w && crosses(d[i - 1], d[i + 1], thresh)
                            || r > 0 && r + 1 < h && crosses(d[i - w], d[i + w], thresh);
                } else {
                    edge = false;
                }
                e[i] = (byte) (edge ? 1 : 0);
            }
        }
        return edges;
    }

    /** A negative sample next to a positive one, with a jump above the threshold. */
    private static boolean rises(double negative, double neighbour, double thresh) {
        return neighbour > 0 && neighbour - negative > thresh;
    }

    /** A zero between samples of opposite signs, with a jump above the threshold. */
    private static boolean crosses(double a, double b, double thresh) {
        return (a < 0 && b > 0 || a > 0 && b < 0) && Math.abs(a - b) > thresh;
    }
}
