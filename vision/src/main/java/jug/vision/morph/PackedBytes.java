package jug.vision.morph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import jug.vision.GrayU8;

/**
 * Rows of a uint8 image packed eight pixels to a {@code long} (little-endian: pixel {@code 8j + k} is byte k of
 * long j), combined with SWAR arithmetic.
 *
 * <p>Why: C2 in JDK 17 vectorises neither {@code Math.min} on ints nor any byte loop that needs a shift, but it
 * does vectorise plain {@code long} loops of and/or/xor/add/sub/shift. Unsigned byte min/max is written in those
 * (Hacker's Delight's carry-free comparison per byte lane), so each combine handles 64 pixels per AVX-512 op.
 * Packing and unpacking go through {@link LongBuffer} views, which copy at memcpy speed; shifting a row by
 * {@code dc} pixels is unpacking it once into a guarded byte row and packing it again from {@code dc} bytes on.
 *
 * <p>In the binary modes every input byte is first mapped to 0 or 1 (nonzero is true), and combining is a plain
 * and (erosion) or or (dilation).
 */
final class PackedBytes extends Lanes<long[]> {
    /** How lanes combine: grey minimum or maximum, or binary and / or of 0/1 values. */
    enum Op {
        MIN(-1L), MAX(0L), AND(0x0101_0101_0101_0101L), OR(0L);

        final long identity;

        Op(long identity) {
            this.identity = identity;
        }

        boolean isBinary() {
            return this == AND || this == OR;
        }
    }

    private static final long HIGH = 0x8080_8080_8080_8080L;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    private final GrayU8 in;
    private final GrayU8 out;
    private final Op op;
    private final int width;
    private final int longs;
    private final int fullLongs;
    private final int pad;
    private final byte[] guarded;

    /** Lanes from {@code in} to {@code out} (same shape); shifts below the width are at most {@code maxShift}. */
    PackedBytes(GrayU8 in, GrayU8 out, Op op, int maxShift) {
        this.in = in;
        this.out = out;
        this.op = op;
        this.width = in.width();
        this.longs = (width + 7) / 8;
        this.fullLongs = width / 8;
        this.pad = (maxShift + 7) & ~7; // keeps the unpacked row 8-byte aligned
        this.guarded = new byte[2 * pad + 8 * longs];
        // Only [pad, pad + 8·longs) is ever rewritten, so the guards keep the identity.
        Arrays.fill(guarded, (byte) op.identity);
    }

    @Override
    long[] newBuffer() {
        return new long[longs];
    }

    @Override
    void load(int row, long[] dst) {
        byte[] data = in.data();
        int start = in.index(row, 0);
        view(data, start, fullLongs).get(dst, 0, fullLongs);
        if (fullLongs < longs) {
            long last = op.identity;
            for (int k = 0; k < width - 8 * fullLongs; k++) {
                last = (last & ~(0xFFL << (8 * k))) | ((data[start + 8 * fullLongs + k] & 0xFFL) << (8 * k));
            }
            dst[fullLongs] = last;
        }
        if (op.isBinary()) {
            for (int j = 0; j < longs; j++) {
                long x = dst[j];
                dst[j] = ((((x & LOW7) + LOW7) | x) & HIGH) >>> 7;
            }
        }
    }

    @Override
    void copy(long[] src, long[] dst) {
        System.arraycopy(src, 0, dst, 0, longs);
    }

    @Override
    void combine(long[] a, long[] b, long[] dst) {
        switch (op) {
            case MIN -> min(a, b, dst, longs);
            case MAX -> max(a, b, dst, longs);
            case AND -> {
                for (int j = 0; j < longs; j++) {
                    dst[j] = a[j] & b[j];
                }
            }
            case OR -> {
                for (int j = 0; j < longs; j++) {
                    dst[j] = a[j] | b[j];
                }
            }
        }
    }

    // Lanes where x >= y (unsigned) get 0xFF in m; no carry or borrow crosses a byte lane.
    private static void min(long[] a, long[] b, long[] dst, int n) {
        for (int j = 0; j < n; j++) {
            long x = a[j];
            long y = b[j];
            long diff = (x | HIGH) - (y & LOW7);
            long ge = ((x & ~y) | (~(x ^ y) & diff)) & HIGH;
            long m = (ge - (ge >>> 7)) | ge;
            dst[j] = x ^ ((x ^ y) & m);
        }
    }

    private static void max(long[] a, long[] b, long[] dst, int n) {
        for (int j = 0; j < n; j++) {
            long x = a[j];
            long y = b[j];
            long diff = (x | HIGH) - (y & LOW7);
            long ge = ((x & ~y) | (~(x ^ y) & diff)) & HIGH;
            long m = (ge - (ge >>> 7)) | ge;
            dst[j] = y ^ ((x ^ y) & m);
        }
    }

    @Override
    void fillIdentity(long[] dst) {
        Arrays.fill(dst, 0, longs, op.identity);
    }

    @Override
    void beginShifts(long[] src) {
        view(guarded, pad, longs).put(src, 0, longs);
    }

    @Override
    void shifted(int dc, long[] dst) {
        if (Math.abs(dc) >= width) {
            fillIdentity(dst);
            return;
        }
        view(guarded, pad + dc, longs).get(dst, 0, longs);
    }

    @Override
    void store(long[] src, int row) {
        byte[] data = out.data();
        int start = out.index(row, 0);
        view(data, start, fullLongs).put(src, 0, fullLongs);
        if (fullLongs < longs) {
            long last = src[fullLongs];
            for (int k = 0; k < width - 8 * fullLongs; k++) {
                data[start + 8 * fullLongs + k] = (byte) (last >>> (8 * k));
            }
        }
    }

    private static LongBuffer view(byte[] data, int start, int longs) {
        return ByteBuffer.wrap(data, start, 8 * longs).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }
}
