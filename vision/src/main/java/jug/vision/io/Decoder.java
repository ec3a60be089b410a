package jug.vision.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Planar;

/**
 * Turns a decoded {@link BufferedImage} into a {@link Picture}, keeping the samples the file stored.
 *
 * <p>Samples are read from the raster, never through {@code getRGB}, so 16-bit and float values survive and no colour
 * management is applied. Palette images expand to their colours (grey when every palette entry is grey), except a
 * 1-bit black-and-white image, which reads as a 0/1 mask as PIL's mode "1" does.
 */
final class Decoder {
    private Decoder() {
    }

    static Picture decode(BufferedImage image, Path file) throws ImageFileException {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            return expandPalette(image, icm);
        }
        if (cm.isAlphaPremultiplied()) {
            image.coerceData(false);
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int space = cm.getColorSpace().getType();
        // The TIFF reader describes float and int32 files with extra samples by generic colour spaces (2CLR, 4CLR);
        // read those by their band count, and refuse only the spaces that are really not grey or RGB.
        boolean expected = switch (bands) {
            case 1 -> space == ColorSpace.TYPE_GRAY;
            case 2 -> space == ColorSpace.TYPE_GRAY || space == ColorSpace.TYPE_2CLR;
            case 3 -> space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_3CLR;
            case 4 -> (space == ColorSpace.TYPE_RGB && cm.hasAlpha()) || space == ColorSpace.TYPE_4CLR;
            default -> false;
        };
        if (!expected) {
            throw new ImageFileException(file, "unsupported colour layout: " + bands + " bands in colour space "
                    + spaceName(space) + "; only grey, grey+alpha, RGB and RGBA are read");
        }
        int[] sizes = raster.getSampleModel().getSampleSize();
        int type = raster.getDataBuffer().getDataType();
        boolean eightBit = type == DataBuffer.TYPE_BYTE || (type == DataBuffer.TYPE_INT && allEqual(sizes, 8));
        if (!(cm instanceof ComponentColorModel) && !eightBit) {
            return expandRgb(image);
        }
        List<GrayImage> out = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            out.add(band(raster, b, eightBit ? DataBuffer.TYPE_BYTE : type, file));
        }
        return Picture.of(Planar.of(out));
    }

    private static GrayImage band(Raster raster, int b, int type, Path file) throws ImageFileException {
        int w = raster.getWidth();
        int h = raster.getHeight();
        switch (type) {
            case DataBuffer.TYPE_BYTE -> {
                int[] s = raster.getSamples(0, 0, w, h, b, (int[]) null);
                byte[] d = new byte[s.length];
                for (int i = 0; i < s.length; i++) {
                    d[i] = (byte) s[i];
                }
                return new GrayU8(h, w, d);
            }
            case DataBuffer.TYPE_USHORT -> {
                int[] s = raster.getSamples(0, 0, w, h, b, (int[]) null);
                short[] d = new short[s.length];
                for (int i = 0; i < s.length; i++) {
                    d[i] = (short) s[i];
                }
                return new GrayU16(h, w, d);
            }
            case DataBuffer.TYPE_SHORT, DataBuffer.TYPE_INT -> {
                // Signed 16-bit samples widen exactly; 32-bit samples are stored as int32 (a uint32 TIFF wraps).
                return new GrayS32(h, w, raster.getSamples(0, 0, w, h, b, (int[]) null));
            }
            case DataBuffer.TYPE_FLOAT -> {
                return new GrayF32(h, w, raster.getSamples(0, 0, w, h, b, (float[]) null));
            }
            case DataBuffer.TYPE_DOUBLE -> {
                return new GrayF64(h, w, raster.getSamples(0, 0, w, h, b, (double[]) null));
            }
            default -> throw new ImageFileException(file, "unsupported sample type " + type);
        }
    }

    private static Picture expandPalette(BufferedImage image, IndexColorModel icm) {
        Raster raster = image.getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] index = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        int n = icm.getMapSize();
        if (n == 2 && icm.getPixelSize() == 1 && !icm.hasAlpha() && icm.getRGB(0) == 0xFF000000
                && icm.getRGB(1) == 0xFFFFFFFF) {
            byte[] mask = new byte[index.length];
            for (int i = 0; i < index.length; i++) {
                mask[i] = (byte) index[i];
            }
            return Picture.of(new GrayU8(h, w, mask));
        }
        boolean grey = !icm.hasAlpha();
        for (int i = 0; i < n && grey; i++) {
            grey = icm.getRed(i) == icm.getGreen(i) && icm.getRed(i) == icm.getBlue(i);
        }
        int bands = grey ? 1 : icm.hasAlpha() ? 4 : 3;
        byte[][] out = new byte[bands][index.length];
        for (int i = 0; i < index.length; i++) {
            int argb = icm.getRGB(index[i]);
            if (grey) {
                out[0][i] = (byte) argb;
            } else {
                out[0][i] = (byte) (argb >> 16);
                out[1][i] = (byte) (argb >> 8);
                out[2][i] = (byte) argb;
                if (bands == 4) {
                    out[3][i] = (byte) (argb >>> 24);
                }
            }
        }
        return Picture.of(planarU8(h, w, out));
    }

    /** Packed pixels with sample sizes other than 8 (such as a 16-bit 5-6-5 BMP): expand to 8-bit RGB(A). */
    private static Picture expandRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[][] out = new byte[alpha ? 4 : 3][argb.length];
        for (int i = 0; i < argb.length; i++) {
            out[0][i] = (byte) (argb[i] >> 16);
            out[1][i] = (byte) (argb[i] >> 8);
            out[2][i] = (byte) argb[i];
            if (alpha) {
                out[3][i] = (byte) (argb[i] >>> 24);
            }
        }
        return Picture.of(planarU8(h, w, out));
    }

    private static Planar<GrayU8> planarU8(int h, int w, byte[][] bands) {
        List<GrayU8> list = new ArrayList<>(bands.length);
        for (byte[] b : bands) {
            list.add(new GrayU8(h, w, b));
        }
        return Planar.of(list);
    }

    private static boolean allEqual(int[] values, int v) {
        for (int x : values) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    private static String spaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_GRAY -> "grey";
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_Lab -> "CIELab";
            default -> "type " + type;
        };
    }
}
