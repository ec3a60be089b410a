package jug.vision.io;

import java.nio.file.Path;
import java.util.Locale;
import jug.vision.DType;

/** The file formats {@link Images} reads and writes, chosen by file extension, and what each can hold. */
enum Format {
    PNG("PNG", "png"),
    JPEG("JPEG", "jpg", "jpeg"),
    BMP("BMP", "bmp"),
    GIF("GIF", "gif"),
    TIFF("TIFF", "tif", "tiff");

    private static final String KNOWN = ".png, .jpg, .jpeg, .bmp, .gif, .tif or .tiff";

    private final String imageIoName;
    private final String[] extensions;

    Format(String imageIoName, String... extensions) {
        this.imageIoName = imageIoName;
        this.extensions = extensions;
    }

    /** The format for a file name's extension, case-insensitively. */
    static Format of(Path file) throws ImageFileException {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            throw new ImageFileException(file, "no file extension to choose an image format by; use " + KNOWN);
        }
        String ext = s.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return f;
                }
            }
        }
        throw new ImageFileException(file, "unknown image extension '." + ext + "'; use " + KNOWN);
    }

    /** The name the JDK's ImageIO registry knows the format by. */
    String imageIoName() {
        return imageIoName;
    }

    /** True for the formats that hold several pages in one file. */
    boolean holdsPages() {
        return this == TIFF;
    }

    /**
     * Why this format cannot hold an image of this type and band count exactly, or null if it can. GIF's limit of
     * 256 colours is checked when the palette is built.
     */
    String refusal(DType dtype, int bands) {
        String what = dtype.numpyName() + " " + describe(bands);
        return switch (this) {
            case PNG -> dtype == DType.U8 || dtype == DType.U16 ? null
                    : "PNG holds uint8 and uint16 pixels only, not " + what
                            + "; write TIFF, or convert with Convert.toU16 or Convert.stretch";
            case TIFF -> null;
            case JPEG, BMP -> dtype == DType.U8 && (bands == 1 || bands == 3) ? null
                    : this + " holds 8-bit grey or RGB only, not " + what + "; write PNG or TIFF";
            case GIF -> dtype == DType.U8 && (bands == 1 || bands == 3) ? null
                    : "GIF holds 8-bit grey or RGB with at most 256 colours only, not " + what
                            + " (the JDK would squash it to 8 bits); write PNG or TIFF";
        };
    }

    private static String describe(int bands) {
        return switch (bands) {
            case 1 -> "grey";
            case 2 -> "grey+alpha";
            case 3 -> "RGB";
            case 4 -> "RGBA";
            default -> bands + "-band";
        };
    }

    @Override
    public String toString() {
        return imageIoName;
    }
}
