package jug.core.hash;

import java.util.Arrays;

/** A growable byte buffer that the encoder writes into; reused between tasks to avoid garbage. */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    void writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** Unsigned LEB128: seven bits per byte, low bits first, high bit set on every byte but the last. */
    void writeVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        write((int) v);
    }

    /**
     * A length-prefixed UTF-8 string. An unpaired surrogate, which UTF-8 cannot represent (Java's encoder writes '?'
     * instead, so that "\uD800" and "?" would collide), is written as its three-byte generalized UTF-8 form, as in
     * WTF-8 and Python's {@code surrogatepass}; every other string gets exactly its UTF-8 bytes.
     */
    void writeString(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            length += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        writeVarint(length);
        ensure(length);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp < 0x80) {
                bytes[size++] = (byte) cp;
            } else if (cp < 0x800) {
                bytes[size++] = (byte) (0xC0 | cp >>> 6);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                bytes[size++] = (byte) (0xE0 | cp >>> 12);
                bytes[size++] = (byte) (0x80 | cp >>> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else {
                bytes[size++] = (byte) (0xF0 | cp >>> 18);
                bytes[size++] = (byte) (0x80 | cp >>> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >>> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            }
            i += Character.charCount(cp);
        }
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
