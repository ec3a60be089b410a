package jug.vision.morph;

/**
 * Row buffers of one lane type, and the few whole-row operations {@link FlatFilter} builds every flat min/max
 * filter from. Each method handles one row per call, so the per-pixel loops stay inside one class and C2 can
 * vectorise them; no method is ever called per pixel.
 *
 * <p>Values outside the image are the operation's identity (+∞ for a minimum, −∞ for a maximum), so they never
 * win: a buffer's lanes past the row's width always hold the identity too.
 *
 * @param <B> the buffer type, such as {@code double[]}
 */
abstract class Lanes<B> {
    /** A new row buffer, contents unspecified. */
    abstract B newBuffer();

    /** Reads row {@code row} of the input into {@code dst}. */
    abstract void load(int row, B dst);

    /** Copies a buffer. */
    abstract void copy(B src, B dst);

    /** {@code acc = op(acc, src)}, lane by lane. */
    final void combine(B acc, B src) {
        combine(acc, src, acc);
    }

    /** {@code dst = op(a, b)}, lane by lane; dst may be a or b. */
    abstract void combine(B a, B b, B dst);

    /** Sets every lane of {@code dst} to the identity. */
    abstract void fillIdentity(B dst);

    /** Makes {@code src} the row that the following {@link #shifted} calls read. */
    abstract void beginShifts(B src);

    /** {@code dst[c] = src[c + dc]}, or the identity where {@code c + dc} is outside the row. */
    abstract void shifted(int dc, B dst);

    /** Writes a buffer to row {@code row} of the output. */
    abstract void store(B src, int row);
}
