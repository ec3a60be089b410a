package jug.vision.segment;

import jug.vision.GrayS32;
import jug.vision.GrayU8;

/**
 * The result of a watershed with lines: the basin label of every pixel, and a mask of the pixels where two basins
 * met.
 *
 * @param labels the basin of each pixel (the marker value that flooded it), 0 where no marker could reach
 * @param lines  1 on watershed lines, 0 elsewhere (see {@link Watershed#cwatershedWithLines})
 */
public record Basins(GrayS32 labels, GrayU8 lines) {
    /** Checks that both images are present and have the same shape. */
    public Basins {
        if (labels == null || lines == null) {
            throw new IllegalArgumentException("labels and lines must not be null");
        }
        jug.vision.GrayImage.requireSameShape("labels", labels, "lines", lines);
    }
}
