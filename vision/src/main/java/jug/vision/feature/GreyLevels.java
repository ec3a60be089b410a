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
        if (!image.dtype().isInteger()) {
            throw new IllegalArgumentException(what + " needs an integer image (uint8, uint16 or int32), got "
                + image.dtype().numpyName());
        }
        int[] v = pixels(image);
        int max = 0;
        int min = 0;
        for (int x : v) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        if (min < 0) {
            throw new IllegalArgumentException(what + " needs non-negative grey levels: the minimum is " + min);
        }
        return new GreyLevels(image.height(), image.width(), v, max);
    }

    /** The pixels of a uint8, uint16 or int32 image as a row-major {@code int[]} of {@code height × width}. */
    static int[] pixels(GrayImage image) {
        int h = image.height();
        int w = image.width();
        int[] v = new int[h * w];
        if (image instanceof GrayU8 u8) {
            byte[] d = u8.data();
            for (int r = 0; r < h; r++) {
                int s = u8.index(r, 0);
                for (int c = 0; c < w; c++) {
                    v[r * w + c] = d[s + c] & 0xFF;
                }
            }
        } else if (image instanceof GrayU16 u16) {
            short[] d = u16.data();
            for (int r = 0; r < h; r++) {
                int s = u16.index(r, 0);
                for (int c = 0; c < w; c++) {
                    v[r * w + c] = d[s + c] & 0xFFFF;
                }
            }
        } else {
            GrayS32 s32 = (GrayS32) image;
            for (int r = 0; r < h; r++) {
                System.arraycopy(s32.data(), s32.index(r, 0), v, r * w, w);
            }
        }
        return v;
    }
}
