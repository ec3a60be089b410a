package jug.vision.morph;

import java.util.Arrays;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Local and regional extrema, as mahotas's {@code locmax}/{@code regmax} (and their minimum twins), for every pixel
 * type. Neighbours outside the image are ignored.
 */
final class RegionalExtrema {
    private RegionalExtrema() {
    }

    /**
     * 1 where no neighbour {@code x + b} ({@code b} a member of {@code se} other than the origin) is strictly greater
     * (strictly smaller with {@code minima}); plateaus are included. A pixel or neighbour that is NaN never counts
     * as an extremum.
     */
    static GrayU8 local(GrayImage image, StructuringElement se, boolean minima) {
        int[][] offsets = neighbours(se, false);
        return local(image, offsets[0], offsets[1], minima);
    }

    /**
     * 1 on the regional maxima (minima): connected plateaus, under the neighbourhood {@code se} made symmetric, whose
     * pixels all share one value and whose neighbours outside the plateau are all strictly smaller (greater).
     */
    static GrayU8 regional(GrayImage image, StructuringElement se, boolean minima) {
        int[][] offsets = neighbours(se, true);
        int[] dr = offsets[0];
        int[] dc = offsets[1];
        GrayU8 mark = local(image, dr, dc, minima);
        double[] f = values(image, minima);
        clearFalsePlateaus(mark.data(), f, image.height(), image.width(), dr, dc);
        return mark;
    }

    private static GrayU8 local(GrayImage image, int[] dr, int[] dc, boolean minima) {
        int h = image.height();
        int w = image.width();
        GrayU8 mark = new GrayU8(h, w);
        if (dr.length == 0) {
            mark.fill(1);
            return mark;
        }
        if (h == 0 || w == 0) {
            return mark;
        }
        byte[] m = mark.data();
        FlatFilter.of(dr, dc).run(h, w, () -> {
            double[] row = new double[w];
            return new DoubleLanes(image, !minima, (best, r) -> {
                image.readRow(r, row);
                int base = r * w;
                for (int c = 0; c < w; c++) {
                    boolean extremum = minima ? row[c] <= best[c] : row[c] >= best[c];
                    m[base + c] = (byte) (extremum ? 1 : 0);
                }
            });
        });
        return mark;
    }

    /**
     * Removes each marked plateau that touches an unmarked pixel of equal or higher value: mahotas's
     * {@code regmax} step. Marked neighbours always share a value (each is no smaller than the other), so
     * plateaus are found by following marked pixels of equal value.
     */
    private static void clearFalsePlateaus(byte[] m, double[] f, int h, int w, int[] dr, int[] dc) {
        final byte candidate = 1;
        final byte visited = 2;
        final byte kept = 3;
        // Plateau members as parallel row and column lists, so that no pixel index is ever divided by the width.
        int[] rows = new int[64];
        int[] cols = new int[64];
        for (int r0 = 0; r0 < h; r0++) {
            for (int c0 = 0; c0 < w; c0++) {
                int p = r0 * w + c0;
                if (m[p] != candidate) {
                    continue;
                }
                double v = f[p];
                int n = 1;
                rows[0] = r0;
                cols[0] = c0;
                m[p] = visited;
                boolean keep = true;
                for (int head = 0; head < n; head++) {
                    int r = rows[head];
                    int c = cols[head];
                    for (int k = 0; k < dr.length; k++) {
                        int rr = r + dr[k];
                        int cc = c + dc[k];
                        if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                            continue;
                        }
                        int nb = rr * w + cc;
                        if (m[nb] == candidate && f[nb] == v) {
                            m[nb] = visited;
                            if (n == rows.length) {
                                rows = Arrays.copyOf(rows, 2 * n);
                                cols = Arrays.copyOf(cols, 2 * n);
                            }
                            rows[n] = rr;
                            cols[n] = cc;
                            n++;
                        } else if (m[nb] == 0 && f[nb] >= v) {
                            keep = false;
                        }
                    }
                }
                byte state = keep ? kept : 0;
                for (int i = 0; i < n; i++) {
                    m[rows[i] * w + cols[i]] = state;
                }
            }
        }
        for (int p = 0; p < m.length; p++) {
            m[p] = (byte) (m[p] == kept ? 1 : 0);
        }
    }

    /** The pixel values as a contiguous double array, negated for minima so that both reduce to maxima. */
    private static double[] values(GrayImage image, boolean minima) {
        double[] f = image instanceof GrayF64 d && d.isContiguous() && !minima ? d.data() : image.toF64().data();
        if (minima) {
            for (int i = 0; i < f.length; i++) {
                f[i] = -f[i];
            }
        }
        return f;
    }

    /** Member offsets without the origin, as {rows, cols}; with {@code symmetric}, each member's mirror is added. */
    private static int[][] neighbours(StructuringElement se, boolean symmetric) {
        int n = se.size();
        int[] dr = new int[2 * n];
        int[] dc = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int sign = 1; sign >= (symmetric ? -1 : 1); sign -= 2) {
                int r = sign * se.rowOffset(i);
                int c = sign * se.colOffset(i);
                if ((r != 0 || c != 0) && !contains(dr, dc, k, r, c)) {
                    dr[k] = r;
                    dc[k] = c;
                    k++;
                }
            }
        }
        return new int[][] {Arrays.copyOf(dr, k), Arrays.copyOf(dc, k)};
    }

    private static boolean contains(int[] dr, int[] dc, int n, int r, int c) {
        for (int i = 0; i < n; i++) {
            if (dr[i] == r && dc[i] == c) {
                return true;
            }
        }
        return false;
    }
}
