package jug.vision.feature;

import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;

/** The pixels of an integer image as a row-major {@code int[]} of grey levels, checked to be non-negative. */
final class GreyLevels {
    final int height;
    final int width;
    final int[] values;
    final int max;

    private GreyLevels(int height, int width, int[] values, int max) {
        this.height = height;
        this.width = width;
        this.values = values;
        this.max = max;
    }

    /** Reads {@code image}; {@code what} names the calling kernel in error messages. */
    static GreyLevels of(GrayImage image, String what) {
        int h = image.height();
        int w = image.width();
        int[] v = new int[h * w];
        int max = 0;
        int min = 0;
        if (image instanceof GrayU8 u8) {
            byte[] d = u8.data();
            for (int r = 0; r < h; r++) {
                int base = u8.index(r, 0);
                for (int c = 0; c < w; c++) {
                    int x = d[base + c] & 0xFF;
                    v[r * w + c] = x;
                    max = Math.max(max, x);
                }
            }
        } else if (image instanceof GrayU16 u16) {
            short[] d = u16.data();
            for (int r = 0; r < h; r++) {
                int base = u16.index(r, 0);
                for (int c = 0; c < w; c++) {
                    int x = d[base + c] & 0xFFFF;
                    v[r * w + c] = x;
                    max = Math.max(max, x);
                }
            }
        } else if (image instanceof GrayS32 s32) {
            int[] d = s32.data();
            for (int r = 0; r < h; r++) {
                System.arraycopy(d, s32.index(r, 0), v, r * w, w);
            }
            for (int x : v) {
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
        } else {
            throw new IllegalArgumentException(what + " needs an integer image (uint8, uint16 or int32), got "
                + image.dtype().numpyName());
        }
        if (min < 0) {
            throw new IllegalArgumentException(what + " needs non-negative grey levels: the minimum is " + min);
        }
        return new GreyLevels(h, w, v, max);
    }
}
