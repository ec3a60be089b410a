package jug.vision.label;

import jug.vision.GrayS32;

/**
 * The result of labelling: a label image and the number of labels in it.
 *
 * <p>Background pixels are 0 and the regions are numbered {@code 1..count} with no gaps, in the raster order of
 * each region's first pixel (as mahotas and scipy number them).
 *
 * @param labels the label image, one int per pixel
 * @param count  the number of regions, which is also the largest label
 */
public record Labeling(GrayS32 labels, int count) {
    /** Checks that the image is present and the count is not negative. */
    public Labeling {
        if (labels == null) {
            throw new IllegalArgumentException("labels is null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
    }
}
