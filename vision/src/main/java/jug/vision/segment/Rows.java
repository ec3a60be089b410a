package jug.vision.segment;

import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;

/** Reads image rows as doubles with one loop per type, so that setup loops make no per-pixel virtual call. */
final class Rows {
    private Rows() {
    }

    /** Copies row {@code r} of {@code image} into {@code row}, whose length is the image width. */
    static void read(GrayImage image, int r, double[] row) {
        int base = image.index(r, 0);
        int w = image.width();
        if (image instanceof GrayU8 g) {
            byte[] d = g.data();
            for (int c = 0; c < w; c++) {
                row[c] = d[base + c] & 0xFF;
            }
        } else if (image instanceof GrayU16 g) {
            short[] d = g.data();
            for (int c = 0; c < w; c++) {
                row[c] = d[base + c] & 0xFFFF;
            }
        } else if (image instanceof GrayS32 g) {
            int[] d = g.data();
            for (int c = 0; c < w; c++) {
                row[c] = d[base + c];
            }
        } else if (image instanceof GrayF32 g) {
            float[] d = g.data();
            for (int c = 0; c < w; c++) {
                row[c] = d[base + c];
            }
        } else {
            System.arraycopy(((GrayF64) image).data(), base, row, 0, w);
        }
    }
}
