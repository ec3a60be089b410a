package jug.vision.feature;

import java.util.Arrays;

/**
 * One SURF interest point: its position (row y, column x, sub-pixel), scale, detector score, sign of the Laplacian,
 * dominant orientation and 64-value descriptor. {@link #toRow()} gives mahotas's 70-column row.
 */
public final class SurfPoint {
    private final double y;
    private final double x;
    private final double scale;
    private final double score;
    private final double laplacian;
    private final double angle;
    private final double[] descriptor;

    SurfPoint(double y, double x, double scale, double score, double laplacian, double angle, double[] descriptor) {
        this.y = y;
        this.x = x;
        this.scale = scale;
        this.score = score;
        this.laplacian = laplacian;
        this.angle = angle;
        this.descriptor = descriptor;
    }

    SurfPoint withDescription(double angle, double[] descriptor) {
        return new SurfPoint(y, x, scale, score, laplacian, angle, descriptor);
    }

    /** Row of the centre, in pixels (sub-pixel). */
    public double y() {
        return y;
    }

    /** Column of the centre, in pixels (sub-pixel). */
    public double x() {
        return x;
    }

    /** Scale: 1.2 for the smallest (9×9) filter, growing with the filter size. */
    public double scale() {
        return scale;
    }

    /** Detector strength: the normalised Hessian determinant at the point. */
    public double score() {
        return score;
    }

    /** Sign of the Laplacian, −1 (bright blob on dark) or +1 (dark blob on bright). */
    public double laplacian() {
        return laplacian;
    }

    /** Dominant orientation in radians, atan2(dy, dx) of the summed Haar responses, in (−π, π]. */
    public double angle() {
        return angle;
    }

    /** The 64 descriptor values (a copy), of unit length up to a 1e-7 guard. */
    public double[] descriptor() {
        return descriptor.clone();
    }

    /** mahotas's layout: y, x, scale, score, laplacian, angle, then the 64 descriptor values. */
    public double[] toRow() {
        double[] row = new double[70];
        row[0] = y;
        row[1] = x;
        row[2] = scale;
        row[3] = score;
        row[4] = laplacian;
        row[5] = angle;
        System.arraycopy(descriptor, 0, row, 6, 64);
        return row;
    }

    @Override
    public String toString() {
        return String.format("SurfPoint(y=%.2f, x=%.2f, scale=%.2f, score=%.4g, laplacian=%+.0f, angle=%.3f)", y, x,
                scale, score, laplacian, angle);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurfPoint p && Arrays.equals(toRow(), p.toRow());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toRow());
    }
}
