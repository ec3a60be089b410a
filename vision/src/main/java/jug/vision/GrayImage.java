package jug.vision;

/**
 * A single-channel 2-D image: {@code height × width} pixels in one primitive array, row-major.
 *
 * <p>Pixel (row, col) lives at index {@code offset() + row * stride() + col} of the backing array. A new image has
 * offset 0 and stride equal to its width; a {@link #crop crop} is a view that shares the array of its parent. Kernels
 * that want a plain array call {@link #compact()} first. Shapes are written {@code rows×cols}, as numpy prints them.
 *
 * <p>There is one final subclass per {@link DType}; switch over them with a pattern or use the generic accessors
 * {@link #getAsDouble} and {@link #valueAt}.
 */
public abstract sealed class GrayImage permits GrayU8, GrayU16, GrayS32, GrayF32, GrayF64 {
    private final int height;
    private final int width;
    private final int offset;
    private final int stride;

    GrayImage(int height, int width, int offset, int stride, int arrayLength) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("negative shape: " + height + "×" + width);
        }
        if (stride < width) {
            throw new IllegalArgumentException("stride < width: " + stride + " < " + width);
        }
        long last = height == 0 || width == 0 ? offset : (long) offset + (long) (height - 1) * stride + width;
        if (offset < 0 || last > arrayLength) {
            throw new IllegalArgumentException("a " + height + "×" + width + " image at offset " + offset
                    + " with stride " + stride + " needs " + last + " elements, the array has " + arrayLength);
        }
        this.height = height;
        this.width = width;
        this.offset = offset;
        this.stride = stride;
    }

    /** Creates a zero-filled contiguous image of the given type and shape. */
    public static GrayImage zeros(DType dtype, int height, int width) {
        return switch (dtype) {
            case U8 -> new GrayU8(height, width);
            case U16 -> new GrayU16(height, width);
            case S32 -> new GrayS32(height, width);
            case F32 -> new GrayF32(height, width);
            case F64 -> new GrayF64(height, width);
        };
    }

    /** Number of rows. */
    public final int height() {
        return height;
    }

    /** Number of columns. */
    public final int width() {
        return width;
    }

    /** Index in the backing array of pixel (0, 0). */
    public final int offset() {
        return offset;
    }

    /** Distance in the backing array between pixel (r, c) and pixel (r + 1, c). */
    public final int stride() {
        return stride;
    }

    /** Number of pixels, {@code height × width}. */
    public final int size() {
        return height * width;
    }

    /** The shape as numpy prints it, {@code rows×cols}, for messages. */
    public final String shape() {
        return height + "×" + width;
    }

    /** Index in the backing array of pixel (row, col), without bounds checks. */
    public final int index(int row, int col) {
        return offset + row * stride + col;
    }

    /** True if the pixels fill the backing array exactly, so that pixel i is element i. */
    public final boolean isContiguous() {
        return offset == 0 && stride == width && arrayLength() == height * width;
    }

    /** The element type of the backing array. */
    public abstract DType dtype();

    /** The value of pixel (row, col) as a double; throws if the position is outside the image. */
    public final double getAsDouble(int row, int col) {
        checkIndex(row, col);
        return valueAt(index(row, col));
    }

    /** The value at an index of the backing array as a double, without bounds checks beyond the array's own. */
    public abstract double valueAt(int index);

    /** A view of the rectangle of {@code height × width} pixels whose top-left pixel is (row, col); shares the array. */
    public abstract GrayImage crop(int row, int col, int height, int width);

    /** A contiguous copy of this image. */
    public abstract GrayImage copy();

    /** This image if it is contiguous, else a contiguous copy. */
    public abstract GrayImage compact();

    /** A zero-filled contiguous image of the same type and shape. */
    public final GrayImage zerosLike() {
        return zeros(dtype(), height, width);
    }

    /** Converts to float64, exactly (every supported type fits). */
    public GrayF64 toF64() {
        GrayF64 out = new GrayF64(height, width);
        double[] o = out.data();
        for (int r = 0; r < height; r++) {
            readRow(r, o, r * width);
        }
        return out;
    }

    /** Copies row {@code row} into {@code dst[0, width)} as doubles, which hold every supported pixel value exactly. */
    public final void readRow(int row, double[] dst) {
        readRow(row, dst, 0);
    }

    /**
     * Copies row {@code row} into {@code dst[at, at + width)} as doubles, without bounds checks beyond the arrays' own.
     * The type is tested once per row, so that each inner loop reads one array type and the caller's loops make no
     * per-pixel virtual call.
     */
    public final void readRow(int row, double[] dst, int at) {
        int base = index(row, 0);
        int w = width;
        // uint8 first and the other types in a second method, to keep this one small enough to inline into callers.
        if (this instanceof GrayU8 u8) {
            byte[] d = u8.data();
            for (int c = 0; c < w; c++) {
                dst[at + c] = d[base + c] & 0xFF;
            }
        } else {
            readOtherRow(base, w, dst, at);
        }
    }

    private void readOtherRow(int base, int w, double[] dst, int at) {
        if (this instanceof GrayU16 u16) {
            short[] d = u16.data();
            for (int c = 0; c < w; c++) {
                dst[at + c] = d[base + c] & 0xFFFF;
            }
        } else if (this instanceof GrayS32 s32) {
            int[] d = s32.data();
            for (int c = 0; c < w; c++) {
                dst[at + c] = d[base + c];
            }
        } else if (this instanceof GrayF32 f32) {
            float[] d = f32.data();
            for (int c = 0; c < w; c++) {
                dst[at + c] = d[base + c];
            }
        } else {
            System.arraycopy(((GrayF64) this).data(), base, dst, at, w);
        }
    }

    /** Converts to float32; values of S32 and F64 images beyond float precision are rounded to nearest. */
    public GrayF32 toF32() {
        GrayF32 out = new GrayF32(height, width);
        float[] o = out.data();
        int i = 0;
        for (int r = 0; r < height; r++) {
            int base = index(r, 0);
            for (int c = 0; c < width; c++) {
                o[i++] = (float) valueAt(base + c);
            }
        }
        return out;
    }

    /** Throws unless the two images have the same shape; the message names both and prints both shapes. */
    public static void requireSameShape(String name, GrayImage image, String otherName, GrayImage other) {
        if (image.height != other.height || image.width != other.width) {
            throw new IllegalArgumentException("shape mismatch: " + name + " is " + image.shape() + ", "
                    + otherName + " is " + other.shape());
        }
    }

    final void checkIndex(int row, int col) {
        if (row < 0 || row >= height || col < 0 || col >= width) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + col + ") is outside a " + shape() + " image");
        }
    }

    final void checkCrop(int row, int col, int h, int w) {
        if (row < 0 || col < 0 || h < 0 || w < 0 || row + h > height || col + w > width) {
            throw new IndexOutOfBoundsException("crop of " + h + "×" + w + " at (" + row + ", " + col
                    + ") does not fit in a " + shape() + " image");
        }
    }

    abstract int arrayLength();

    static int checkedSize(int height, int width) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("negative shape: " + height + "×" + width);
        }
        long n = (long) height * width;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for one array: " + height + "×" + width);
        }
        return (int) n;
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GrayImage that) || that.dtype() != dtype() || that.height != height || that.width != width) {
            return false;
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                long a = Double.doubleToLongBits(valueAt(index(r, c)));
                long b = Double.doubleToLongBits(that.valueAt(that.index(r, c)));
                if (a != b) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public final int hashCode() {
        int h = 31 * dtype().hashCode() + height * 65_537 + width;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                h = 31 * h + Double.hashCode(valueAt(index(r, c)));
            }
        }
        return h;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + " " + shape();
    }
}
