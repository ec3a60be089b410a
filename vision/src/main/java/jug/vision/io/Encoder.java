package jug.vision.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.Arrays;
import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Planar;

/** Turns a {@link Picture} into a {@link BufferedImage} that a format's JDK writer stores without loss. */
final class Encoder {
    private Encoder() {
    }

    static BufferedImage encode(Picture picture, Format format, Path file) throws ImageFileException {
        Planar<? extends GrayImage> p = picture.planar();
        String refusal = format.refusal(p.dtype(), p.bandCount());
        if (refusal != null) {
            throw new ImageFileException(file, refusal);
        }
        if (format == Format.GIF) {
            return paletted(p, file);
        }
        int h = p.height();
        int w = p.width();
        int bands = p.bandCount();
        BufferedImage image;
        if (p.dtype() == DType.U8 && bands == 1) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        } else if (p.dtype() == DType.U16 && bands == 1) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        } else if (p.dtype() == DType.U8 && bands == 3) {
            // The JPEG and BMP writers know this layout best.
            image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        } else {
            boolean alpha = bands == 2 || bands == 4;
            ColorSpace space = ColorSpace.getInstance(bands <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
            ComponentColorModel cm = new ComponentColorModel(space, alpha, false,
                    alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType(p.band(0)));
            image = new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
        }
        WritableRaster raster = image.getRaster();
        for (int b = 0; b < bands; b++) {
            setBand(raster, b, p.band(b).compact());
        }
        return image;
    }

    private static int dataType(GrayImage band) {
        return switch (band.dtype()) {
            case U8 -> DataBuffer.TYPE_BYTE;
            case U16 -> DataBuffer.TYPE_USHORT;
            case S32 -> DataBuffer.TYPE_INT;
            case F32 -> DataBuffer.TYPE_FLOAT;
            case F64 -> DataBuffer.TYPE_DOUBLE;
        };
    }

    private static void setBand(WritableRaster raster, int b, GrayImage band) {
        int w = band.width();
        int h = band.height();
        if (band instanceof GrayU8 u8) {
            byte[] d = u8.data();
            int[] s = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                s[i] = d[i] & 0xFF;
            }
            raster.setSamples(0, 0, w, h, b, s);
        } else if (band instanceof GrayU16 u16) {
            short[] d = u16.data();
            int[] s = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                s[i] = d[i] & 0xFFFF;
            }
            raster.setSamples(0, 0, w, h, b, s);
        } else if (band instanceof GrayS32 s32) {
            raster.setSamples(0, 0, w, h, b, s32.data());
        } else if (band instanceof GrayF32 f32) {
            raster.setSamples(0, 0, w, h, b, f32.data());
        } else {
            raster.setSamples(0, 0, w, h, b, ((GrayF64) band).data());
        }
    }

    /** An 8-bit palette image holding every colour exactly: a grey ramp, or the image's own colours (at most 256). */
    private static BufferedImage paletted(Planar<? extends GrayImage> p, Path file) throws ImageFileException {
        int h = p.height();
        int w = p.width();
        int n = h * w;
        int[] rgb = new int[n];
        for (int b = 0; b < p.bandCount(); b++) {
            byte[] d = ((GrayU8) p.band(b).compact()).data();
            int shift = p.bandCount() == 1 ? -1 : 16 - 8 * b;
            for (int i = 0; i < n; i++) {
                rgb[i] = shift < 0 ? d[i] & 0xFF : rgb[i] | (d[i] & 0xFF) << shift;
            }
        }
        int[] colours;
        byte[] r;
        byte[] g;
        byte[] bl;
        if (p.bandCount() == 1) {
            colours = null;
            r = new byte[256];
            for (int i = 0; i < 256; i++) {
                r[i] = (byte) i;
            }
            g = r;
            bl = r;
        } else {
            colours = Arrays.stream(rgb).distinct().sorted().toArray();
            if (colours.length > 256) {
                throw new ImageFileException(file, "GIF holds at most 256 colours, the image has "
                        + colours.length + "; write PNG");
            }
            r = new byte[colours.length];
            g = new byte[colours.length];
            bl = new byte[colours.length];
            for (int i = 0; i < colours.length; i++) {
                r[i] = (byte) (colours[i] >> 16);
                g[i] = (byte) (colours[i] >> 8);
                bl[i] = (byte) colours[i];
            }
        }
        IndexColorModel icm = new IndexColorModel(8, r.length, r, g, bl);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, icm);
        int[] index = colours == null ? rgb : new int[n];
        if (colours != null) {
            for (int i = 0; i < n; i++) {
                index[i] = Arrays.binarySearch(colours, rgb[i]);
            }
        }
        image.getRaster().setSamples(0, 0, w, h, 0, index);
        return image;
    }
}
