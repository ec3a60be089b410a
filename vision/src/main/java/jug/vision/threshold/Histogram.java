package jug.vision.threshold;

import jug.vision.GrayImage;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Parallelism;

/** Full-range pixel counts of unsigned images, the input of the histogram threshold methods. */
final class Histogram {
    private Histogram() {
    }

    /**
     * Counts of every value of a uint8 (256 bins) or uint16 (65,536 bins) image; the caller trims to the maximum.
     * Large images are split by rows over {@link Parallelism}, each band counting into its own array.
     */
    static long[] counts(GrayImage img) {
        int bins = switch (img.dtype()) {
            case U8 -> 256;
            case U16 -> 65536;
            default -> throw new IllegalArgumentException("histogram thresholds need a uint8 or uint16 image, got "
                    + img.dtype().numpyName() + "; convert with Convert.toU8 or Convert.stretch first");
        };
        long[] total = new long[bins];
        Parallelism.forRows(img.height(), img.width(), (from, to) -> {
            int[] part = img instanceof GrayU8 u8 ? countU8(u8, from, to) : countU16((GrayU16) img, from, to);
            synchronized (total) {
                for (int i = 0; i < bins; i++) {
                    total[i] += part[i];
                }
            }
        });
        return total;
    }

    /** The index of the last nonzero count, or 0 if there is none. */
    static int last(long[] counts) {
        int n = counts.length - 1;
        while (n > 0 && counts[n] == 0) {
            n--;
        }
        return n;
    }

    private static int[] countU8(GrayU8 img, int from, int to) {
        // Eight interleaved tables: neighbouring pixels often share a value, and one table per lane keeps their
        // increments off a single counter's store-to-load chain (about 0.5 cycle per pixel, the store-port limit).
        int[] h = new int[8 * 256];
        byte[] d = img.data();
        int w = img.width();
        for (int r = from; r < to; r++) {
            int i = img.index(r, 0);
            int end = i + w;
            for (; i + 7 < end; i += 8) {
                h[d[i] & 0xFF]++;
                h[256 + (d[i + 1] & 0xFF)]++;
                h[512 + (d[i + 2] & 0xFF)]++;
                h[768 + (d[i + 3] & 0xFF)]++;
                h[1024 + (d[i + 4] & 0xFF)]++;
                h[1280 + (d[i + 5] & 0xFF)]++;
                h[1536 + (d[i + 6] & 0xFF)]++;
                h[1792 + (d[i + 7] & 0xFF)]++;
            }
            for (; i < end; i++) {
                h[d[i] & 0xFF]++;
            }
        }
        int[] sum = new int[256];
        for (int lane = 0; lane < 8; lane++) {
            for (int v = 0; v < 256; v++) {
                sum[v] += h[lane * 256 + v];
            }
        }
        return sum;
    }

    private static int[] countU16(GrayU16 img, int from, int to) {
        // Two tables only: at 256 KB each, more would spill out of the L2 cache.
        int[] h = new int[2 * 65536];
        short[] d = img.data();
        int w = img.width();
        for (int r = from; r < to; r++) {
            int i = img.index(r, 0);
            int end = i + w;
            for (; i + 1 < end; i += 2) {
                h[d[i] & 0xFFFF]++;
                h[65536 + (d[i + 1] & 0xFFFF)]++;
            }
            for (; i < end; i++) {
                h[d[i] & 0xFFFF]++;
            }
        }
        for (int v = 0; v < 65536; v++) {
            h[v] += h[65536 + v];
        }
        return h;
    }
}
