package jug.vision.label;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.StructuringElement;

/**
 * Connected-component labelling and the edits that go with it: renumbering, removing regions, dropping regions
 * that touch the border or whose size is out of range (mahotas's {@code label}, {@code labeled.relabel},
 * {@code remove_regions}, {@code remove_bordering} and {@code filter_labeled}).
 *
 * <p>Every method returns a new image and leaves its input alone. Label images are {@link GrayS32}; 0 is the
 * background. Measurements over label images are in {@link Measurements}.
 */
public final class Labels {
    private Labels() {
    }

    /**
     * Labels the connected components of the nonzero pixels of {@code binary} (any dtype; NaN counts as nonzero), two
     * foreground pixels being connected when one lies at an offset of {@code connectivity} from the other.
     *
     * <p>Regions are numbered 1..n in the raster order of their first pixel, exactly as mahotas and
     * {@code scipy.ndimage.label} number them. The element is made symmetric (p and p+o are joined whenever o or -o is
     * a member), as union-find in mahotas effectively does; scipy requires it to be symmetric. Neighbours outside the
     * image are ignored, as in scipy: mahotas clamps them to the edge ('nearest'), which can join two edge pixels
     * that the element does not connect (only for elements that are neither a cross nor a square). The cross and
     * the 3×3 square use a run-based algorithm; other elements a per-pixel one.
     */
    public static Labeling label(GrayImage binary, StructuringElement connectivity) {
        GrayS32 out = new GrayS32(binary.height(), binary.width());
        return new Labeling(out, Components.label(Components.foreground(binary), connectivity, out, true));
    }

    /** As {@link #label(GrayImage, StructuringElement)}, writing the labels into {@code out} (which may be a view). */
    public static Labeling label(GrayImage binary, StructuringElement connectivity, GrayS32 out) {
        GrayImage.requireSameShape("binary", binary, "out", out);
        int count = Components.label(Components.foreground(binary), connectivity, out, false);
        return new Labeling(out, count);
    }

    /** Labels with 4-connectivity (the cross, mahotas's and scipy's default). */
    public static Labeling label4(GrayImage binary) {
        return label(binary, StructuringElement.cross());
    }

    /** Labels with 8-connectivity (the 3×3 square). */
    public static Labeling label8(GrayImage binary) {
        return label(binary, StructuringElement.square());
    }

    /**
     * Renumbers the nonzero values of {@code labels} to 1..n in the raster order of their first appearance, keeping
     * 0 as background; for example {@code [[5,0,2],[2,9,5]]} becomes {@code [[1,0,2],[2,3,1]]}. Negative values are
     * labels like any other nonzero value.
     */
    public static Labeling relabel(GrayS32 labels) {
        int h = labels.height();
        int w = labels.width();
        int[] in = labels.data();
        GrayS32 out = new GrayS32(h, w);
        int[] o = out.data();
        int[] range = range(labels);
        long span = (long) range[1] - range[0] + 1;
        int count = 0;
        if (span <= 4L * h * w + 1024) {
            int[] map = new int[(int) span];
            int min = range[0];
            for (int r = 0; r < h; r++) {
                int base = labels.index(r, 0);
                for (int c = 0; c < w; c++) {
                    int v = in[base + c];
                    if (v != 0) {
                        int m = map[v - min];
                        if (m == 0) {
                            m = ++count;
                            map[v - min] = m;
                        }
                        o[r * w + c] = m;
                    }
                }
            }
        } else {
            // Values spread too widely for a table (rare: labels near Integer.MIN_VALUE and MAX_VALUE at once).
            Map<Integer, Integer> map = new HashMap<>();
            for (int r = 0; r < h; r++) {
                int base = labels.index(r, 0);
                for (int c = 0; c < w; c++) {
                    int v = in[base + c];
                    if (v != 0) {
                        o[r * w + c] = map.computeIfAbsent(v, k -> map.size() + 1);
                    }
                }
            }
            count = map.size();
        }
        return new Labeling(out, count);
    }

    /**
     * Sets the pixels of the given regions to 0, without renumbering the others (call {@link #relabel} for that),
     * as mahotas's {@code remove_regions}. Removing 0 or a label that is absent has no effect.
     */
    public static GrayS32 removeRegions(GrayS32 labels, int... regions) {
        return removeAll(labels, new LabelSet(regions));
    }

    /** Removes the regions that touch the image border: {@link #removeBordering(GrayS32, int)} with margin 1. */
    public static GrayS32 removeBordering(GrayS32 labels) {
        return removeBordering(labels, 1);
    }

    /**
     * Removes (sets to 0) every region with a pixel in the outer {@code margin} rows or columns of the image, as
     * mahotas's {@code remove_bordering(labeled, rsize=margin)}; other labels keep their values. A margin of 0
     * removes nothing (mahotas's {@code rsize=0} would remove everything, an artefact of Python's {@code [-0:]}).
     */
    public static GrayS32 removeBordering(GrayS32 labels, int margin) {
        if (margin < 0) {
            throw new IllegalArgumentException("margin < 0: " + margin);
        }
        int h = labels.height();
        int w = labels.width();
        int[] in = labels.data();
        int[] found = new int[16];
        int n = 0;
        for (int r = 0; r < h; r++) {
            int base = labels.index(r, 0);
            boolean edgeRow = r < margin || r >= h - margin;
            for (int c = 0; c < w; c++) {
                if (edgeRow || c < margin || c >= w - margin) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, 2 * n);
                    }
                    found[n++] = in[base + c];
                } else {
                    c = w - margin - 1;
                }
            }
        }
        return removeAll(labels, new LabelSet(Arrays.copyOf(found, n)));
    }

    private static GrayS32 removeAll(GrayS32 labels, LabelSet regions) {
        GrayS32 out = labels.copy();
        int[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            if (regions.contains(o[i])) {
                o[i] = 0;
            }
        }
        return out;
    }

    /**
     * Keeps the regions whose pixel count lies in {@code [minSize, maxSize]} (both inclusive), optionally first
     * dropping those that touch the border, then renumbers the survivors 1..n (mahotas's {@code filter_labeled}).
     * Pass 0 and {@link Integer#MAX_VALUE} for no bound.
     */
    public static Labeling filterBySize(GrayS32 labels, int minSize, int maxSize, boolean removeBordering) {
        if (minSize < 0) {
            throw new IllegalArgumentException("minSize < 0: " + minSize);
        }
        if (maxSize < minSize) {
            throw new IllegalArgumentException("maxSize < minSize: " + maxSize + " < " + minSize);
        }
        // Renumbering first bounds the size table by the region count, whatever the label values are.
        Labeling kept = relabel(removeBordering ? removeBordering(labels) : labels);
        int[] k = kept.labels().data();
        int[] sizes = new int[kept.count() + 1];
        for (int v : k) {
            sizes[v]++;
        }
        for (int i = 0; i < k.length; i++) {
            int s = sizes[k[i]];
            if (s < minSize || s > maxSize) {
                k[i] = 0;
            }
        }
        return relabel(kept.labels());
    }

    /** {min, max} of the pixels, or {0, 0} for an empty image. */
    static int[] range(GrayS32 labels) {
        int min = 0;
        int max = 0;
        int[] d = labels.data();
        boolean first = true;
        for (int r = 0; r < labels.height(); r++) {
            int base = labels.index(r, 0);
            for (int c = 0; c < labels.width(); c++) {
                int v = d[base + c];
                if (first) {
                    min = v;
                    max = v;
                    first = false;
                } else if (v < min) {
                    min = v;
                } else if (v > max) {
                    max = v;
                }
            }
        }
        return new int[] {min, max};
    }

}
