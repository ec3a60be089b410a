package jug.vision;

import java.util.Arrays;

/**
 * An 8-bit unsigned single-channel image over one {@code byte[]}, read as {@code b & 0xFF}; also the type of binary masks (0 and 1).
 *
 * <p>Shapes are given as {@code (height, width)}, rows first, as numpy does. See {@link GrayImage} for the layout.
 */
public final class GrayU8 extends GrayImage {
    private final byte[] data;

    /** A zero-filled {@code height × width} image. */
    public GrayU8(int height, int width) {
        this(new byte[checkedSize(height, width)], height, width, 0, width);
    }

    /** An image over {@code data}, which must hold exactly {@code height × width} pixels, row-major; not copied. */
    public GrayU8(int height, int width, byte[] data) {
        this(requireLength(data, height, width), height, width, 0, width);
    }

    private GrayU8(byte[] data, int height, int width, int offset, int stride) {
        super(height, width, offset, stride, data.length);
        this.data = data;
    }

    private static byte[] requireLength(byte[] data, int height, int width) {
        if (data.length != checkedSize(height, width)) {
            throw new IllegalArgumentException("a " + height + "×" + width + " image needs " + (long) height * width
                    + " pixels, the array has " + data.length);
        }
        return data;
    }

    @Override
    public DType dtype() {
        return DType.U8;
    }

    /** The backing array itself (not a copy); pixel (r, c) is at {@link #index index(r, c)}. */
    public byte[] data() {
        return data;
    }

    /** The value of pixel (row, col); throws if the position is outside the image. */
    public int get(int row, int col) {
        checkIndex(row, col);
        int i = index(row, col);
        return data[i] & 0xFF;
    }

    /** Sets pixel (row, col); throws if the position is outside the image, or the value outside the type's range. */
    public void set(int row, int col, int value) {
        checkIndex(row, col);
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("value outside 0..255 for a uint8 pixel: " + value);
        }
        data[index(row, col)] = (byte) value;
    }

    @Override
    public double valueAt(int i) {
        return data[i] & 0xFF;
    }

    @Override
    public GrayU8 crop(int row, int col, int height, int width) {
        checkCrop(row, col, height, width);
        return new GrayU8(data, height, width, index(row, col), stride());
    }

    @Override
    public GrayU8 copy() {
        if (isContiguous()) {
            return new GrayU8(height(), width(), data.clone());
        }
        GrayU8 out = new GrayU8(height(), width());
        for (int r = 0; r < height(); r++) {
            System.arraycopy(data, index(r, 0), out.data, r * width(), width());
        }
        return out;
    }

    @Override
    public GrayU8 compact() {
        return isContiguous() ? this : copy();
    }

    /** Sets every pixel to {@code value}. */
    public void fill(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("value outside 0..255 for a uint8 pixel: " + value);
        }
        for (int r = 0; r < height(); r++) {
            int start = index(r, 0);
            Arrays.fill(data, start, start + width(), (byte) value);
        }
    }

    @Override
    int arrayLength() {
        return data.length;
    }
}
