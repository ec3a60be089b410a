package jug.vision.morph;

import jug.vision.GrayU8;

/** The majority filter on masks, counted with a summed-area table so any window size costs the same. */
final class MajorityVote {
    private MajorityVote() {
    }

    /**
     * 1 where strictly more than half of the pixels of the {@code n × n} window centred on the pixel, counting only
     * the window's pixels inside the image, are true; {@code n} is odd.
     */
    static GrayU8 filter(GrayU8 mask, int n) {
        int h = mask.height();
        int w = mask.width();
        int stride = w + 1;
        // sums[(r + 1) * stride + (c + 1)] = number of true pixels in rows [0, r], cols [0, c]
        int[] sums = new int[(h + 1) * stride];
        byte[] d = mask.data();
        for (int r = 0; r < h; r++) {
            int from = mask.index(r, 0);
            int rowCount = 0;
            for (int c = 0; c < w; c++) {
                rowCount += d[from + c] != 0 ? 1 : 0;
                sums[(r + 1) * stride + c + 1] = sums[r * stride + c + 1] + rowCount;
            }
        }
        int k = n / 2;
        GrayU8 out = new GrayU8(h, w);
        byte[] o = out.data();
        for (int r = 0; r < h; r++) {
            int r0 = Math.max(0, r - k);
            int r1 = Math.min(h, r + k + 1);
            for (int c = 0; c < w; c++) {
                int c0 = Math.max(0, c - k);
                int c1 = Math.min(w, c + k + 1);
                int count = sums[r1 * stride + c1] - sums[r0 * stride + c1] - sums[r1 * stride + c0]
                        + sums[r0 * stride + c0];
                int inside = (r1 - r0) * (c1 - c0);
                o[r * w + c] = (byte) (2 * count > inside ? 1 : 0);
            }
        }
        return out;
    }
}
