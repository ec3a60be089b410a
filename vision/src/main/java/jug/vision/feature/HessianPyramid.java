package jug.vision.feature;

import java.util.ArrayList;
import java.util.List;
import jug.vision.Parallelism;

/**
 * The fast-Hessian scale space of SURF: for each octave and interval, the determinant of the box-filter Hessian
 * Dxx·Dyy − 0.36·Dxy² (0 where negative), carrying the sign of the Laplacian Dxx + Dyy, sampled every
 * {@code step = initialStep · 2^octave} pixels; and the scale-space maxima found in it.
 */
final class HessianPyramid {
    private final int octaves;
    private final int intervals;
    private final int initialStep;
    /** values[o] is intervals × rows[o] × cols[o], signed by the Laplacian. */
    private final double[][] values;
    private final int[] rows;
    private final int[] cols;

    HessianPyramid(IntegralImage img, int octaves, int intervals, int initialStep) {
        this.octaves = octaves;
        this.intervals = intervals;
        this.initialStep = initialStep;
        values = new double[octaves][];
        rows = new int[octaves];
        cols = new int[octaves];
        for (int o = 0; o < octaves; o++) {
            int step = step(o);
            rows[o] = img.height / step;
            cols[o] = img.width / step;
            values[o] = new double[intervals * rows[o] * cols[o]];
            int border = border(o) * step;
            for (int i = 0; i < intervals; i++) {
                fill(img, o, i, step, border);
            }
        }
    }

    /** One interval of one octave; rows of the sampling grid are independent, so they may run in parallel. */
    private void fill(IntegralImage img, int o, int i, int step, int border) {
        int lobe = (1 << (o + 1)) * (i + 1) + 1;
        double norm = 1.0 / ((3.0 * lobe) * (3.0 * lobe));
        int off = lobe / 2 + 1;
        int plane = i * rows[o] * cols[o];
        double[] out = values[o];
        int first = (border + step - 1) / step;
        int last = (img.height - border - 1) / step;
        int gridRows = Math.max(0, last - first + 1);
        // the border keeps every box inside the image, so the sums need no clipping
        Parallelism.forRows(gridRows, cols[o], (from, to) -> {
            for (int gy = first + from; gy < first + to; gy++) {
                int y = gy * step;
                for (int x = border; x < img.width - border; x += step) {
                    double dxx = img.centredSumInside(y, x, 0, 0, 2 * lobe - 1, 3 * lobe)
                            - 3 * img.centredSumInside(y, x, 0, 0, 2 * lobe - 1, lobe);
                    double dyy = img.centredSumInside(y, x, 0, 0, 3 * lobe, 2 * lobe - 1)
                            - 3 * img.centredSumInside(y, x, 0, 0, lobe, 2 * lobe - 1);
                    double dxy = img.centredSumInside(y, x, -off, off, lobe, lobe)
                            + img.centredSumInside(y, x, off, -off, lobe, lobe)
                            - img.centredSumInside(y, x, off, off, lobe, lobe)
                            - img.centredSumInside(y, x, -off, -off, lobe, lobe);
                    dxx *= norm;
                    dyy *= norm;
                    dxy *= norm;
                    double det = Math.max(0, dxx * dyy - 0.36 * dxy * dxy);
                    out[plane + gy * cols[o] + x / step] = dxx + dyy < 0 ? -det : det;
                }
            }
        });
    }

    int step(int octave) {
        return initialStep << octave;
    }

    /** Half the largest filter of the octave, in units of its step: responses closer to the edge are not computed. */
    int border(int octave) {
        int lobe = (1 << (octave + 1)) * (intervals + 1) + 1;
        return (3 * lobe + 1) / 2;
    }

    private double at(int o, int i, int r, int c) {
        return Math.abs(values[o][(i * rows[o] + r) * cols[o] + c]);
    }

    /**
     * Scale-space maxima above {@code threshold}: each 3×3×3 block of the grid contributes its largest value if no
     * neighbour is larger, refined to sub-sample precision by fitting a quadratic, strongest first.
     */
    List<SurfPoint> maxima(double threshold) {
        List<SurfPoint> out = new ArrayList<>();
        for (int o = 0; o < octaves; o++) {
            int b = border(o);
            int rEnd = rows[o] - b - 1;
            int cEnd = cols[o] - b - 1;
            for (int i = 1; i < intervals - 1; i += 3) {
                for (int r = b + 1; r < rEnd; r += 3) {
                    for (int c = b + 1; c < cEnd; c += 3) {
                        double best = at(o, i, r, c);
                        int bi = i;
                        int br = r;
                        int bc = c;
                        for (int ii = i; ii < Math.min(i + 3, intervals - 1); ii++) {
                            for (int rr = r; rr < Math.min(r + 3, rEnd); rr++) {
                                for (int cc = c; cc < Math.min(c + 3, cEnd); cc++) {
                                    double v = at(o, ii, rr, cc);
                                    if (v > best) {
                                        best = v;
                                        bi = ii;
                                        br = rr;
                                        bc = cc;
                                    }
                                }
                            }
                        }
                        if (best > threshold && isLocalMaximum(o, bi, br, bc)) {
                            SurfPoint p = refine(o, bi, br, bc);
                            if (p != null) {
                                out.add(p);
                            }
                        }
                    }
                }
            }
        }
        out.sort((p, q) -> p.score() != q.score() ? Double.compare(q.score(), p.score())
                : p.y() != q.y() ? Double.compare(p.y(), q.y()) : Double.compare(p.x(), q.x()));
        return out;
    }

    private boolean isLocalMaximum(int o, int i, int r, int c) {
        if (i <= 0 || i + 1 >= intervals) {
            return false;
        }
        double v = at(o, i, r, c);
        for (int ii = i - 1; ii <= i + 1; ii++) {
            for (int rr = r - 1; rr <= r + 1; rr++) {
                for (int cc = c - 1; cc <= c + 1; cc++) {
                    if (at(o, ii, rr, cc) > v) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The maximum of the quadratic through the 3×3×3 neighbourhood, offset = −H⁻¹·∇ in (column, row, interval); null
     * when the offset leaves the sample's cell (the true maximum is elsewhere) or H is singular.
     */
    private SurfPoint refine(int o, int i, int r, int c) {
        double v = at(o, i, r, c);
        double dx = (at(o, i, r, c + 1) - at(o, i, r, c - 1)) / 2;
        double dy = (at(o, i, r + 1, c) - at(o, i, r - 1, c)) / 2;
        double ds = (at(o, i + 1, r, c) - at(o, i - 1, r, c)) / 2;
        double hxx = at(o, i, r, c + 1) + at(o, i, r, c - 1) - 2 * v;
        double hyy = at(o, i, r + 1, c) + at(o, i, r - 1, c) - 2 * v;
        double hss = at(o, i + 1, r, c) + at(o, i - 1, r, c) - 2 * v;
        double hxy = (at(o, i, r + 1, c + 1) + at(o, i, r - 1, c - 1) - at(o, i, r - 1, c + 1) - at(o, i, r + 1, c - 1)) / 4;
        double hxs = (at(o, i + 1, r, c + 1) + at(o, i - 1, r, c - 1) - at(o, i - 1, r, c + 1) - at(o, i + 1, r, c - 1)) / 4;
        double hys = (at(o, i + 1, r + 1, c) + at(o, i - 1, r - 1, c) - at(o, i - 1, r + 1, c) - at(o, i + 1, r - 1, c)) / 4;
        // inverse of the symmetric 3×3 [[hxx, hxy, hxs], [hxy, hyy, hys], [hxs, hys, hss]] by cofactors
        double a = hyy * hss - hys * hys;
        double b = hxs * hys - hxy * hss;
        double e = hxy * hys - hxs * hyy;
        double det = hxx * a + hxy * b + hxs * e;
        if (det == 0 || !Double.isFinite(det)) {
            return null;
        }
        double d = hxx * hss - hxs * hxs;
        double f = hxy * hxs - hxx * hys;
        double g = hxx * hyy - hxy * hxy;
        double ox = -(a * dx + b * dy + e * ds) / det;
        double oy = -(b * dx + d * dy + f * ds) / det;
        double os = -(e * dx + f * dy + g * ds) / det;
        if (!(Math.max(Math.abs(ox), Math.max(Math.abs(oy), Math.abs(os))) < 0.5)) {
            return null;
        }
        int step = step(o);
        double lobe = (1 << (o + 1)) * (i + os + 1) + 1;
        double scale = 1.2 / 9.0 * 3 * lobe;
        double laplacian = values[o][(i * rows[o] + r) * cols[o] + c] < 0 ? -1 : 1;
        return new SurfPoint((r + oy) * step, (c + ox) * step, scale, v, laplacian, Double.NaN, null);
    }
}
