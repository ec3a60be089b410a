package jug.vision;

import java.util.Arrays;

/**
 * A 32-bit floating-point single-channel image over one {@code float[]}.
 *
 * <p>Shapes are given as {@code (height, width)}, rows first, as numpy does. See {@link GrayImage} for the layout.
 */
public final class GrayF32 extends GrayImage {
    private final float[] data;

    /** A zero-filled {@code height × width} image. */
    public GrayF32(int height, int width) {
        this(new float[checkedSize(height, width)], height, width, 0, width);
    }

    /** An image over {@code data}, which must hold exactly {@code height × width} pixels, row-major; not copied. */
    public GrayF32(int height, int width, float[] data) {
        this(requireLength(data, height, width), height, width, 0, width);
    }

    private GrayF32(float[] data, int height, int width, int offset, int stride) {
        super(height, width, offset, stride, data.length);
        this.data = data;
    }

    private static float[] requireLength(float[] data, int height, int width) {
        if (data.length != checkedSize(height, width)) {
            throw new IllegalArgumentException("a " + height + "×" + width + " image needs " + (long) height * width
                    + " pixels, the array has " + data.length);
        }
        return data;
    }

    @Override
    public DType dtype() {
        return DType.F32;
    }

    /** The backing array itself (not a copy); pixel (r, c) is at {@link #index index(r, c)}. */
    public float[] data() {
        return data;
    }

    /** The value of pixel (row, col); throws if the position is outside the image. */
    public float get(int row, int col) {
        checkIndex(row, col);
        int i = index(row, col);
        return data[i];
    }

    /** Sets pixel (row, col); throws if the position is outside the image. */
    public void set(int row, int col, float value) {
        checkIndex(row, col);
        data[index(row, col)] = value;
    }

    @Override
    public double valueAt(int i) {
        return data[i];
    }

    @Override
    public GrayF32 crop(int row, int col, int height, int width) {
        checkCrop(row, col, height, width);
        return new GrayF32(data, height, width, index(row, col), stride());
    }

    @Override
    public GrayF32 copy() {
        if (isContiguous()) {
            return new GrayF32(height(), width(), data.clone());
        }
        GrayF32 out = new GrayF32(height(), width());
        for (int r = 0; r < height(); r++) {
            System.arraycopy(data, index(r, 0), out.data, r * width(), width());
        }
        return out;
    }

    @Override
    public GrayF32 compact() {
        return isContiguous() ? this : copy();
    }

    /** Sets every pixel to {@code value}. */
    public void fill(float value) {
        for (int r = 0; r < height(); r++) {
            int start = index(r, 0);
            Arrays.fill(data, start, start + width(), value);
        }
    }

    @Override
    public GrayF32 toF32() {
        return copy();
    }

    @Override
    int arrayLength() {
        return data.length;
    }
}
