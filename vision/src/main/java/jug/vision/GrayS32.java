package jug.vision;

import java.util.Arrays;

/**
 * A signed 32-bit single-channel image over one {@code int[]}; also the type of label images.
 *
 * <p>Shapes are given as {@code (height, width)}, rows first, as numpy does. See {@link GrayImage} for the layout.
 */
public final class GrayS32 extends GrayImage {
    private final int[] data;

    /** A zero-filled {@code height × width} image. */
    public GrayS32(int height, int width) {
        this(new int[checkedSize(height, width)], height, width, 0, width);
    }

    /** An image over {@code data}, which must hold exactly {@code height × width} pixels, row-major; not copied. */
    public GrayS32(int height, int width, int[] data) {
        this(requireLength(data, height, width), height, width, 0, width);
    }

    private GrayS32(int[] data, int height, int width, int offset, int stride) {
        super(height, width, offset, stride, data.length);
        this.data = data;
    }

    private static int[] requireLength(int[] data, int height, int width) {
        if (data.length != checkedSize(height, width)) {
            throw new IllegalArgumentException("a " + height + "×" + width + " image needs " + (long) height * width
                    + " pixels, the array has " + data.length);
        }
        return data;
    }

    @Override
    public DType dtype() {
        return DType.S32;
    }

    /** The backing array itself (not a copy); pixel (r, c) is at {@link #index index(r, c)}. */
    public int[] data() {
        return data;
    }

    /** The value of pixel (row, col); throws if the position is outside the image. */
    public int get(int row, int col) {
        checkIndex(row, col);
        int i = index(row, col);
        return data[i];
    }

    /** Sets pixel (row, col); throws if the position is outside the image. */
    public void set(int row, int col, int value) {
        checkIndex(row, col);
        data[index(row, col)] = value;
    }

    @Override
    public double valueAt(int i) {
        return data[i];
    }

    @Override
    public GrayS32 crop(int row, int col, int height, int width) {
        checkCrop(row, col, height, width);
        return new GrayS32(data, height, width, index(row, col), stride());
    }

    @Override
    public GrayS32 copy() {
        if (isContiguous()) {
            return new GrayS32(height(), width(), data.clone());
        }
        GrayS32 out = new GrayS32(height(), width());
        for (int r = 0; r < height(); r++) {
            System.arraycopy(data, index(r, 0), out.data, r * width(), width());
        }
        return out;
    }

    @Override
    public GrayS32 compact() {
        return isContiguous() ? this : copy();
    }

    /** Sets every pixel to {@code value}. */
    public void fill(int value) {
        for (int r = 0; r < height(); r++) {
            int start = index(r, 0);
            Arrays.fill(data, start, start + width(), value);
        }
    }

    @Override
    int arrayLength() {
        return data.length;
    }
}
