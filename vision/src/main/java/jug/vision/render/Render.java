package jug.vision.render;

import java.util.ArrayList;
import java.util.List;
import jug.vision.Convert;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Planar;

/**
 * Pictures for looking at results: masks over a grey image, segmentations in colour, and grids of several pictures.
 * Every method returns an 8-bit RGB {@link Planar} that {@code Images.imsave} writes as PNG.
 *
 * <pre>{@code
 * Images.imsave(Path.of("nuclei.png"), Render.overlay(dna, Convert.threshold(dna, Thresholds.otsu(dna)), null, null));
 * Images.imsave(Path.of("labels.png"), Render.colorize(labels, dna, 0.4, true));
 * Images.imsave(Path.of("summary.png"), Render.montage(List.of(Render.toRgb(dna), Render.colorize(labels)), 2, 4));
 * Images.imsave(Path.of("small.png"), Render.thumbnail(Render.colorize(labels), 192));
 * }</pre>
 */
public final class Render {
    private Render() {
    }

    /** A grey image as RGB: three copies of it, stretched to 0..255 first unless it is uint8. */
    public static Planar<GrayU8> toRgb(GrayImage grey) {
        GrayU8 g = asU8(grey);
        return Planar.of(g.copy(), g.copy(), g.copy());
    }

    /**
     * Colour masks over a grey image, as mahotas's {@code overlay}: each channel is the grey value, or 255 where that
     * channel's mask is nonzero. A grey image that is not uint8 is stretched to 0..255 first (mahotas's default).
     * A null mask leaves its channel grey; masks must have the grey image's shape.
     */
    public static Planar<GrayU8> overlay(GrayImage grey, GrayImage red, GrayImage green, GrayImage blue) {
        GrayU8 g = asU8(grey);
        return Planar.of(channel(g, red, "red"), channel(g, green, "green"), channel(g, blue, "blue"));
    }

    /** The colour of a label in {@link #colorize}, as {@code 0xRRGGBB}; 0 (black) for labels 0 and below. */
    public static int labelColour(int label) {
        return label <= 0 ? 0 : Palette.rgb(label);
    }

    /**
     * A label image in colour: background (labels 0 and below) black, each label its own {@link #labelColour}, which
     * depends on the label alone, so the same object keeps its colour across pictures. Labels 1 to 1983 get distinct
     * colours and consecutive labels always contrast strongly; beyond that colours recur.
     */
    public static Planar<GrayU8> colorize(GrayS32 labels) {
        return paint(labels, null, 1.0, false);
    }

    /**
     * Labels in colour over a grey image: inside each label the colour is blended with the grey value as
     * {@code (1 - opacity) * grey + opacity * colour} (rounded to nearest), the background shows the grey image, and
     * with {@code outlines} the label's own pixels that touch another label or the background (4-neighbours inside
     * the image) take the full colour. A grey image that is not uint8 is stretched to 0..255 first.
     */
    public static Planar<GrayU8> colorize(GrayS32 labels, GrayImage grey, double opacity, boolean outlines) {
        GrayImage.requireSameShape("labels", labels, "grey", grey);
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity outside [0, 1]: " + opacity);
        }
        return paint(labels, asU8(grey), opacity, outlines);
    }

    /**
     * Pictures in a grid, row by row with {@code columns} per row, for a pipeline's summary: every cell is as large as
     * the largest picture, each picture is centred in its cell, and cells are {@code gap} black pixels apart. Pictures
     * must be uint8 with 1 (grey), 3 (RGB) or 4 (RGBA, alpha dropped) bands.
     */
    public static Planar<GrayU8> montage(List<? extends Planar<? extends GrayImage>> pictures, int columns, int gap) {
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("montage of no pictures");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns < 1: " + columns);
        }
        if (gap < 0) {
            throw new IllegalArgumentException("gap < 0: " + gap);
        }
        int cellH = 0;
        int cellW = 0;
        for (int i = 0; i < pictures.size(); i++) {
            Planar<? extends GrayImage> p = pictures.get(i);
            if (p.dtype() != DType.U8 || p.bandCount() == 2 || p.bandCount() > 4) {
                throw new IllegalArgumentException("montage picture " + i + " is " + p.dtype().numpyName() + " with "
                        + p.bandCount() + " bands; give uint8 grey, RGB or RGBA (see Render.toRgb)");
            }
            cellH = Math.max(cellH, p.height());
            cellW = Math.max(cellW, p.width());
        }
        int cols = Math.min(columns, pictures.size());
        int rows = (pictures.size() + cols - 1) / cols;
        int height = Math.toIntExact((long) rows * cellH + (long) (rows - 1) * gap);
        int width = Math.toIntExact((long) cols * cellW + (long) (cols - 1) * gap);
        List<GrayU8> out = List.of(new GrayU8(height, width), new GrayU8(height, width), new GrayU8(height, width));
        for (int i = 0; i < pictures.size(); i++) {
            Planar<? extends GrayImage> p = pictures.get(i);
            int top = (i / cols) * (cellH + gap) + (cellH - p.height()) / 2;
            int left = (i % cols) * (cellW + gap) + (cellW - p.width()) / 2;
            for (int b = 0; b < 3; b++) {
                GrayU8 source = (GrayU8) p.band(p.bandCount() == 1 ? 0 : b);
                GrayU8 dest = out.get(b);
                for (int r = 0; r < p.height(); r++) {
                    System.arraycopy(source.data(), source.index(r, 0), dest.data(), (top + r) * width + left,
                            p.width());
                }
            }
        }
        return Planar.of(out);
    }

    /**
     * A smaller copy of an 8-bit picture for a montage or a report, at most {@code side} pixels high and wide: each
     * output pixel is the rounded mean of a square block of f × f pixels, f the smallest whole factor that fits
     * (blocks at the bottom and right edges average the pixels they have). A picture that already fits is copied.
     */
    public static Planar<GrayU8> thumbnail(Planar<GrayU8> picture, int side) {
        if (side < 1) {
            throw new IllegalArgumentException("side < 1: " + side);
        }
        int h = picture.height();
        int w = picture.width();
        int f = Math.max(1, (Math.max(h, w) + side - 1) / side);
        int oh = (h + f - 1) / f;
        int ow = (w + f - 1) / f;
        List<GrayU8> bands = new ArrayList<>(picture.bandCount());
        int[] sums = new int[ow];
        for (GrayU8 band : picture.bands()) {
            GrayU8 source = band.compact();
            byte[] in = source.data();
            byte[] out = new byte[oh * ow];
            for (int or = 0; or < oh; or++) {
                java.util.Arrays.fill(sums, 0);
                int rowEnd = Math.min(h, (or + 1) * f);
                for (int r = or * f; r < rowEnd; r++) {
                    int row = r * w;
                    for (int oc = 0; oc < ow; oc++) {
                        int sum = 0;
                        for (int c = oc * f, end = Math.min(w, c + f); c < end; c++) {
                            sum += in[row + c] & 0xFF;
                        }
                        sums[oc] += sum;
                    }
                }
                int rows = rowEnd - or * f;
                for (int oc = 0; oc < ow; oc++) {
                    int n = rows * (Math.min(w, (oc + 1) * f) - oc * f);
                    out[or * ow + oc] = (byte) ((sums[oc] + n / 2) / n);
                }
            }
            bands.add(new GrayU8(oh, ow, out));
        }
        return Planar.of(bands);
    }

    private static GrayU8 channel(GrayU8 grey, GrayImage mask, String name) {
        GrayU8 out = grey.copy();
        if (mask == null) {
            return out;
        }
        GrayImage.requireSameShape("grey", grey, name, mask);
        GrayU8 on = Convert.nonZero(mask);
        byte[] o = out.data();
        byte[] m = on.data();
        for (int i = 0; i < o.length; i++) {
            if (m[i] != 0) {
                o[i] = (byte) 255;
            }
        }
        return out;
    }

    private static Planar<GrayU8> paint(GrayS32 labels, GrayU8 grey, double opacity, boolean outlines) {
        GrayS32 l = labels.compact();
        int h = l.height();
        int w = l.width();
        int[] lab = l.data();
        byte[] g = grey == null ? null : grey.compact().data();
        List<GrayU8> bands = new ArrayList<>(3);
        for (int b = 0; b < 3; b++) {
            bands.add(new GrayU8(h, w));
        }
        byte[] red = bands.get(0).data();
        byte[] green = bands.get(1).data();
        byte[] blue = bands.get(2).data();
        int lastLabel = 0;
        int colour = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int k = lab[i];
                if (k <= 0) {
                    if (g != null) {
                        red[i] = g[i];
                        green[i] = g[i];
                        blue[i] = g[i];
                    }
                    continue;
                }
                if (k != lastLabel) {
                    lastLabel = k;
                    colour = Palette.rgb(k);
                }
                double a = g == null || (outlines && isEdge(lab, r, c, h, w)) ? 1.0 : opacity;
                double base = g == null ? 0 : g[i] & 0xFF;
                red[i] = blend(base, colour >> 16 & 0xFF, a);
                green[i] = blend(base, colour >> 8 & 0xFF, a);
                blue[i] = blend(base, colour & 0xFF, a);
            }
        }
        return Planar.of(bands);
    }

    private static boolean isEdge(int[] lab, int r, int c, int h, int w) {
        int i = r * w + c;
        int k = lab[i];
        return (r > 0 && lab[i - w] != k) || (r < h - 1 && lab[i + w] != k)
                || (c > 0 && lab[i - 1] != k) || (c < w - 1 && lab[i + 1] != k);
    }

    private static byte blend(double grey, int colour, double a) {
        return (byte) Math.round((1 - a) * grey + a * colour);
    }

    private static GrayU8 asU8(GrayImage grey) {
        return grey instanceof GrayU8 u8 ? u8 : Convert.stretch(grey);
    }
}
