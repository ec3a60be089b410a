package jug.vision.morph;

import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/** Fills the holes of a mask: background regions that cannot be reached from outside the image. */
final class HoleFilling {
    private HoleFilling() {
    }

    /**
     * 1 on the mask and on every background pixel not connected to the outside, where background pixel
     * {@code x + b} is connected to {@code x} for each member {@code b} of {@code se}, and the outside reaches every
     * {@code x} with some {@code x - b} outside the image: scipy's {@code binary_fill_holes} rule.
     */
    static GrayU8 closeHoles(GrayU8 mask, StructuringElement se) {
        int h = mask.height();
        int w = mask.width();
        int[] dr = se.rowOffsets();
        int[] dc = se.colOffsets();
        byte[] reached = new byte[h * w];
        byte[] d = mask.data();
        GrayU8 out = new GrayU8(h, w);
        byte[] o = out.data();
        for (int r = 0; r < h; r++) {
            int from = mask.index(r, 0);
            for (int c = 0; c < w; c++) {
                o[r * w + c] = (byte) (d[from + c] != 0 ? 1 : 0);
            }
        }
        int[] queue = new int[h * w];
        int n = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int p = r * w + c;
                if (o[p] == 0 && touchesOutside(r, c, h, w, dr, dc)) {
                    reached[p] = 1;
                    queue[n++] = p;
                }
            }
        }
        for (int head = 0; head < n; head++) {
            int p = queue[head];
            int r = p / w;
            int c = p - r * w;
            for (int k = 0; k < dr.length; k++) {
                int rr = r + dr[k];
                int cc = c + dc[k];
                if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
                    int q = rr * w + cc;
                    if (o[q] == 0 && reached[q] == 0) {
                        reached[q] = 1;
                        queue[n++] = q;
                    }
                }
            }
        }
        for (int p = 0; p < h * w; p++) {
            o[p] = (byte) (o[p] != 0 || reached[p] == 0 ? 1 : 0);
        }
        return out;
    }

    private static boolean touchesOutside(int r, int c, int h, int w, int[] dr, int[] dc) {
        for (int k = 0; k < dr.length; k++) {
            int rr = r - dr[k];
            int cc = c - dc[k];
            if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                return true;
            }
        }
        return false;
    }
}
