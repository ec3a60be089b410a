package jug.vision;

/** The element type of an image's backing array, and how its values are read. */
public enum DType {
    /** Unsigned 8-bit, stored in a {@code byte[]} and read as {@code b & 0xFF}. */
    U8(false, 0, 255),
    /** Unsigned 16-bit, stored in a {@code short[]} and read as {@code s & 0xFFFF}. */
    U16(false, 0, 65535),
    /** Signed 32-bit, stored in an {@code int[]}; also the type of label images. */
    S32(false, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** 32-bit IEEE float, stored in a {@code float[]}. */
    F32(true, -Float.MAX_VALUE, Float.MAX_VALUE),
    /** 64-bit IEEE float, stored in a {@code double[]}. */
    F64(true, -Double.MAX_VALUE, Double.MAX_VALUE);

    private final boolean floating;
    private final double min;
    private final double max;

    DType(boolean floating, double min, double max) {
        this.floating = floating;
        this.min = min;
        this.max = max;
    }

    /** True for F32 and F64. */
    public boolean isFloating() {
        return floating;
    }

    /** True for U8, U16 and S32. */
    public boolean isInteger() {
        return !floating;
    }

    /** The smallest value this type holds (the most negative finite value for floats). */
    public double min() {
        return min;
    }

    /** The largest value this type holds (the largest finite value for floats). */
    public double max() {
        return max;
    }

    /** The numpy name of this type, as used in references and error messages. */
    public String numpyName() {
        return switch (this) {
            case U8 -> "uint8";
            case U16 -> "uint16";
            case S32 -> "int32";
            case F32 -> "float32";
            case F64 -> "float64";
        };
    }
}
