package jug.vision.morph;

import jug.vision.GrayU8;

/**
 * Hit-or-miss matching and thinning of masks. Outside the image is background, as if the mask were padded with
 * false (mahotas's {@code thin} pads so; scipy's {@code binary_hit_or_miss} reads outside as false too).
 */
final class Thinning {
    /** Template entries: background, foreground, don't care. */
    static final int BACKGROUND = 0;
    static final int FOREGROUND = 1;
    static final int ANY = 2;

    // mahotas's thinning templates, in the order it applies them (from its slow_thin reference).
    private static final int[][][] TEMPLATES = {
        {{0, 0, 0}, {2, 1, 2}, {1, 1, 1}},
        {{2, 0, 0}, {1, 1, 0}, {1, 1, 2}},
        {{1, 2, 0}, {1, 1, 0}, {1, 2, 0}},
        {{1, 1, 2}, {1, 1, 0}, {2, 0, 0}},
        {{1, 1, 1}, {2, 1, 2}, {0, 0, 0}},
        {{2, 1, 1}, {0, 1, 1}, {0, 0, 2}},
        {{0, 2, 1}, {0, 1, 1}, {0, 2, 1}},
        {{0, 0, 2}, {0, 1, 1}, {2, 1, 1}},
    };

    private Thinning() {
    }

    /** Checks a template's shape and entries; returns it. */
    static int[][] checkTemplate(int[][] template) {
        if (template.length == 0 || template[0].length == 0) {
            throw new IllegalArgumentException("empty hit-or-miss template: no rows or no columns");
        }
        for (int r = 0; r < template.length; r++) {
            if (template[r].length != template[0].length) {
                throw new IllegalArgumentException("template row " + r + " has " + template[r].length
                        + " entries, row 0 has " + template[0].length);
            }
            for (int v : template[r]) {
                if (v != BACKGROUND && v != FOREGROUND && v != ANY) {
                    throw new IllegalArgumentException("template entry must be 0, 1 or 2 (don't care): " + v);
                }
            }
        }
        return template;
    }

    /** 1 where every 1 of the template (origin at shape/2) lands on true and every 0 on false or outside. */
    static GrayU8 hitOrMiss(GrayU8 mask, int[][] template) {
        int th = template.length;
        int tw = template[0].length;
        int top = th / 2;
        int left = tw / 2;
        Padded p = new Padded(mask, Math.max(top, th - 1 - top), Math.max(left, tw - 1 - left));
        int[] fg = new int[th * tw];
        int[] bg = new int[th * tw];
        int nf = 0;
        int nb = 0;
        for (int r = 0; r < th; r++) {
            for (int c = 0; c < tw; c++) {
                int offset = (r - top) * p.stride + (c - left);
                if (template[r][c] == FOREGROUND) {
                    fg[nf++] = offset;
                } else if (template[r][c] == BACKGROUND) {
                    bg[nb++] = offset;
                }
            }
        }
        GrayU8 out = new GrayU8(mask.height(), mask.width());
        byte[] o = out.data();
        for (int r = 0; r < mask.height(); r++) {
            for (int c = 0; c < mask.width(); c++) {
                int at = p.index(r, c);
                boolean hit = true;
                for (int k = 0; k < nf && hit; k++) {
                    hit = p.bits[at + fg[k]] != 0;
                }
                for (int k = 0; k < nb && hit; k++) {
                    hit = p.bits[at + bg[k]] == 0;
                }
                o[r * mask.width() + c] = (byte) (hit ? 1 : 0);
            }
        }
        return out;
    }

    /**
     * Thins a mask: each iteration applies the eight templates in turn, each matched on the whole current mask and
     * its hits removed before the next; stops when an iteration removes nothing or after {@code maxIterations}.
     */
    static GrayU8 thin(GrayU8 mask, int maxIterations) {
        Padded p = new Padded(mask, 1, 1);
        int s = p.stride;
        int[] around = {-s - 1, -s, -s + 1, -1, 1, s - 1, s, s + 1};
        boolean[][] hits = new boolean[TEMPLATES.length][];
        for (int t = 0; t < TEMPLATES.length; t++) {
            hits[t] = lookup(TEMPLATES[t]);
        }
        int[] live = new int[mask.height() * mask.width()];
        int n = 0;
        for (int r = 0; r < mask.height(); r++) {
            for (int c = 0; c < mask.width(); c++) {
                if (p.bits[p.index(r, c)] != 0) {
                    live[n++] = p.index(r, c);
                }
            }
        }
        int[] removed = new int[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean changed = false;
            for (boolean[] table : hits) {
                int nr = 0;
                for (int i = 0; i < n; i++) {
                    int at = live[i];
                    int code = 0;
                    for (int k = 0; k < 8; k++) {
                        code |= p.bits[at + around[k]] << k;
                    }
                    if (table[code]) {
                        removed[nr++] = at;
                    }
                }
                // Removed only after the whole template has been matched: the templates act in parallel.
                for (int i = 0; i < nr; i++) {
                    p.bits[removed[i]] = 0;
                }
                changed |= nr > 0;
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    if (p.bits[live[i]] != 0) {
                        live[kept++] = live[i];
                    }
                }
                n = kept;
            }
            if (!changed) {
                break;
            }
        }
        return p.unpad();
    }

    /** For each 8-neighbour code (bit k = neighbour k in raster order), whether a true centre matches. */
    private static boolean[] lookup(int[][] template) {
        boolean[] table = new boolean[256];
        if (template[1][1] == BACKGROUND) {
            return table;
        }
        int[][] positions = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 2}, {2, 0}, {2, 1}, {2, 2}};
        for (int code = 0; code < 256; code++) {
            boolean match = true;
            for (int k = 0; k < 8 && match; k++) {
                int want = template[positions[k][0]][positions[k][1]];
                int bit = (code >>> k) & 1;
                match = want == ANY || want == bit;
            }
            table[code] = match;
        }
        return table;
    }

    /** A 0/1 copy of a mask with a false margin, so neighbour reads need no bounds checks. */
    private static final class Padded {
        final byte[] bits;
        final int stride;
        final int top;
        final int left;
        final int height;
        final int width;

        Padded(GrayU8 mask, int marginRows, int marginCols) {
            this.height = mask.height();
            this.width = mask.width();
            this.top = marginRows;
            this.left = marginCols;
            this.stride = width + 2 * marginCols;
            this.bits = new byte[(height + 2 * marginRows) * stride];
            byte[] d = mask.data();
            for (int r = 0; r < height; r++) {
                int from = mask.index(r, 0);
                for (int c = 0; c < width; c++) {
                    bits[index(r, c)] = (byte) (d[from + c] != 0 ? 1 : 0);
                }
            }
        }

        int index(int r, int c) {
            return (r + top) * stride + c + left;
        }

        GrayU8 unpad() {
            GrayU8 out = new GrayU8(height, width);
            for (int r = 0; r < height; r++) {
                System.arraycopy(bits, index(r, 0), out.data(), r * width, width);
            }
            return out;
        }
    }
}
