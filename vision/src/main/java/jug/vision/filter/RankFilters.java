package jug.vision.filter;

import java.util.Objects;
import jug.vision.Border;
import jug.vision.GrayImage;
import jug.vision.StructuringElement;

/**
 * Order-statistic filters: the median and the k-th smallest value over a footprint, with
 * {@code scipy.ndimage.median_filter}/{@code rank_filter} semantics (mahotas's {@code median_filter} and
 * {@code rank_filter} agree with them on the shared border modes).
 *
 * <p>The footprint's origin is at its centre, {@code (height/2, width/2)}. Outside pixels are read as the
 * {@link Border} mode says, {@link Border#CONSTANT} reading {@code cval} (0 in the short forms). The output has the
 * input's type, or the type of the caller's {@code out}, converted as in {@link Filters}. The selected value is always
 * one of the samples, so same-type outputs are exact. NaN samples give unspecified results.
 */
public final class RankFilters {
    private RankFilters() {
    }

    /** The 3×3 median, the default of mahotas's {@code median_filter}. */
    public static GrayImage median(GrayImage in, Border border) {
        return median(in, StructuringElement.square(), border, 0.0, in.zerosLike());
    }

    /** The median over a footprint; see the long form. */
    public static GrayImage median(GrayImage in, StructuringElement footprint, Border border) {
        return median(in, footprint, border, 0.0, in.zerosLike());
    }

    /**
     * The median over the footprint's N members: the sample of rank {@code N/2} (0-based), which is the upper
     * median when N is even, as in scipy and mahotas. The 3×3 square and footprints of up to 32 members run
     * vectorised sorting networks.
     *
     * @return {@code out}
     */
    public static GrayImage median(GrayImage in, StructuringElement footprint, Border border, double cval,
            GrayImage out) {
        Objects.requireNonNull(footprint, "footprint");
        select(Filters.prepare(in, border, out), footprint, footprint.size() / 2, border, cval, out);
        return out;
    }

    /** The k-th smallest value over a footprint; see the long form. */
    public static GrayImage rank(GrayImage in, StructuringElement footprint, int rank, Border border) {
        return rank(in, footprint, rank, border, 0.0, in.zerosLike());
    }

    /**
     * The sample of the given rank among the footprint's N members, counting from the smallest: rank 0 is the
     * minimum, N−1 the maximum (mahotas's docstring says "largest", but its code and scipy count from the smallest).
     *
     * @return {@code out}
     * @throws IllegalArgumentException if rank is outside {@code [0, N)} (mahotas returns uninitialised memory)
     */
    public static GrayImage rank(GrayImage in, StructuringElement footprint, int rank, Border border, double cval,
            GrayImage out) {
        Objects.requireNonNull(footprint, "footprint");
        if (rank < 0 || rank >= footprint.size()) {
            throw new IllegalArgumentException("rank outside 0.." + (footprint.size() - 1) + " for a footprint of "
                    + footprint.size() + " members: " + rank);
        }
        select(Filters.prepare(in, border, out), footprint, rank, border, cval, out);
        return out;
    }

    /** Picks the engine: the 3×3 median network, a sorting network for small footprints, else per-pixel selection. */
    private static void select(GrayImage in, StructuringElement footprint, int rank, Border border, double cval,
            GrayImage out) {
        if (rank == 4 && footprint.equals(StructuringElement.square())) {
            MedianOf9.apply(in, border, cval, out);
        } else if (footprint.size() <= RankNetwork.MAX_MEMBERS) {
            RankNetwork.apply(in, footprint, rank, border, cval, out);
        } else {
            RankSelect.apply(in, footprint, rank, border, cval, out);
        }
    }
}
