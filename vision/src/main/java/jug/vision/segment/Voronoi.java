package jug.vision.segment;

import jug.vision.GrayS32;

/**
 * The generalised Voronoi diagram of a label image: every pixel takes the label of the nearest labelled pixel
 * (mahotas's {@code segmentation.gvoronoi}).
 */
public final class Voronoi {
    private Voronoi() {
    }

    /**
     * Gives every pixel the label of its nearest (Euclidean) nonzero pixel in {@code labels}; labelled pixels keep
     * their own label, and an image with no label stays all zero.
     *
     * <p>Ties between equally near labelled pixels are broken as scipy's
     * {@code distance_transform_edt(labels == 0, return_indices=True)} breaks them, so the result equals
     * {@code labels[tuple(indices)]}: the transform first finds the nearest labelled pixel within each column, the
     * upper one on a tie, then along each row takes the leftmost of the equally near column candidates. mahotas
     * uses its own transform, whose ties can fall the other way.
     */
    public static GrayS32 gvoronoi(GrayS32 labels) {
        int h = labels.height();
        int w = labels.width();
        GrayS32 in = labels.compact();
        int[] l = in.data();
        int[] v = new int[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = l[i] != 0 ? 0 : NearestSite.NONE;
        }
        int[] nearest = new int[h * w];
        NearestSite.transform(v, h, w, new double[h * w], false, nearest);
        int[] o = new int[h * w];
        for (int i = 0; i < o.length; i++) {
            int n = nearest[i];
            o[i] = n < 0 ? 0 : l[n];
        }
        return new GrayS32(h, w, o);
    }
}
