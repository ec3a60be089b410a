package jug.vision.render;

/**
 * The colour of each label: hues a golden-ratio step apart (so consecutive labels land far apart on the colour wheel),
 * with saturation cycling over three levels and brightness over two, so that labels 1 to 1983 all differ.
 */
final class Palette {
    private static final double GOLDEN = 0.6180339887498949;
    private static final double[] SATURATION = {0.95, 0.6, 0.8};
    private static final double[] VALUE = {1.0, 0.85};

    private Palette() {
    }

    /** The colour of label k (k >= 1) as 0xRRGGBB; the same for a label in every image. */
    static int rgb(int label) {
        long k = label;
        double hue = (0.08 + k * GOLDEN) % 1.0;
        double s = SATURATION[(int) (k % 3)];
        double v = VALUE[(int) ((k / 3) % 2)];
        return hsvToRgb(hue, s, v);
    }

    /** The usual hexcone HSV to RGB conversion, each channel rounded half to even to 0..255. */
    static int hsvToRgb(double h, double s, double v) {
        double sector = h * 6.0;
        int i = (int) sector;
        double f = sector - i;
        double p = v * (1.0 - s);
        double q = v * (1.0 - s * f);
        double t = v * (1.0 - s * (1.0 - f));
        double r;
        double g;
        double b;
        switch (i % 6) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double x) {
        return (int) Math.rint(x * 255);
    }
}
