package jug.core.serialization;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The raw path for primitive arrays and arrays of them ({@code double[]}, {@code int[][]}, ...): a header naming the
 * element type and nesting depth, then each array as its length and its elements copied in bulk, little-endian.
 * A null sub-array is written as length -1.
 */
final class PrimitiveArrays {
    private static final String CODES = "ZBCSIJFD";

    private PrimitiveArrays() {
    }

    static boolean isSupported(Object value) {
        String name = value.getClass().getName();
        int depth = depth(name);
        return depth > 0 && name.length() == depth + 1 && CODES.indexOf(name.charAt(depth)) >= 0;
    }

    static byte[] encode(Object array) {
        String name = array.getClass().getName();
        int depth = depth(name);
        char code = name.charAt(depth);
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, 2 + size(array, depth, code)))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) code).put((byte) depth);
        write(out, array, depth, code);
        return out.array();
    }

    static Object decode(byte[] entry, int start, int length) throws CorruptResultException {
        try {
            ByteBuffer in = ByteBuffer.wrap(entry, start, length).order(ByteOrder.LITTLE_ENDIAN);
            char code = (char) in.get();
            int depth = in.get();
            if (CODES.indexOf(code) < 0 || depth < 1) {
                throw new CorruptResultException("bad primitive array header");
            }
            Object value = read(in, depth, code);
            if (in.hasRemaining()) {
                throw new CorruptResultException("primitive array payload has " + in.remaining() + " trailing bytes");
            }
            return value;
        } catch (RuntimeException e) {
            throw new CorruptResultException("primitive array payload does not decode: " + e, e);
        }
    }

    private static int depth(String className) {
        int d = 0;
        while (d < className.length() && className.charAt(d) == '[') {
            d++;
        }
        return d;
    }

    private static long size(Object array, int depth, char code) {
        if (array == null) {
            return 4;
        }
        int n = Array.getLength(array);
        if (depth == 1) {
            return 4 + (long) n * width(code);
        }
        long total = 4;
        for (Object sub : (Object[]) array) {
            total += size(sub, depth - 1, code);
        }
        return total;
    }

    private static int width(char code) {
        return switch (code) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            default -> 8;
        };
    }

    private static void write(ByteBuffer out, Object array, int depth, char code) {
        if (array == null) {
            out.putInt(-1);
            return;
        }
        int n = Array.getLength(array);
        out.putInt(n);
        if (depth > 1) {
            for (Object sub : (Object[]) array) {
                write(out, sub, depth - 1, code);
            }
            return;
        }
        switch (code) {
            case 'B' -> out.put((byte[]) array);
            case 'Z' -> {
                for (boolean b : (boolean[]) array) {
                    out.put((byte) (b ? 1 : 0));
                }
            }
            case 'C' -> out.asCharBuffer().put((char[]) array);
            case 'S' -> out.asShortBuffer().put((short[]) array);
            case 'I' -> out.asIntBuffer().put((int[]) array);
            case 'F' -> out.asFloatBuffer().put((float[]) array);
            case 'J' -> out.asLongBuffer().put((long[]) array);
            default -> out.asDoubleBuffer().put((double[]) array);
        }
        if (code != 'B' && code != 'Z') {
            out.position(out.position() + n * width(code));
        }
    }

    private static Object read(ByteBuffer in, int depth, char code) {
        int n = in.getInt();
        if (n == -1) {
            return null;
        }
        // Each element takes at least its width (a row, at least its 4-byte length): a length the remaining bytes
        // cannot hold is corrupt, and must not allocate a huge array first.
        if (n < 0 || (long) n * (depth == 1 ? width(code) : 4) > in.remaining()) {
            throw new IllegalStateException("bad array length " + n);
        }
        if (depth > 1) {
            Class<?> component = arrayClass(depth - 1, code);
            Object[] out = (Object[]) Array.newInstance(component, n);
            for (int i = 0; i < n; i++) {
                out[i] = read(in, depth - 1, code);
            }
            return out;
        }
        Object out;
        switch (code) {
            case 'B' -> {
                byte[] a = new byte[n];
                in.get(a);
                return a;
            }
            case 'Z' -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.get() != 0;
                }
                return a;
            }
            case 'C' -> {
                char[] a = new char[n];
                in.asCharBuffer().get(a);
                out = a;
            }
            case 'S' -> {
                short[] a = new short[n];
                in.asShortBuffer().get(a);
                out = a;
            }
            case 'I' -> {
                int[] a = new int[n];
                in.asIntBuffer().get(a);
                out = a;
            }
            case 'F' -> {
                float[] a = new float[n];
                in.asFloatBuffer().get(a);
                out = a;
            }
            case 'J' -> {
                long[] a = new long[n];
                in.asLongBuffer().get(a);
                out = a;
            }
            default -> {
                double[] a = new double[n];
                in.asDoubleBuffer().get(a);
                out = a;
            }
        }
        in.position(in.position() + n * width(code));
        return out;
    }

    private static Class<?> arrayClass(int depth, char code) {
        Class<?> c = switch (code) {
            case 'Z' -> boolean.class;
            case 'B' -> byte.class;
            case 'C' -> char.class;
            case 'S' -> short.class;
            case 'I' -> int.class;
            case 'J' -> long.class;
            case 'F' -> float.class;
            default -> double.class;
        };
        for (int i = 0; i < depth; i++) {
            c = Array.newInstance(c, 0).getClass();
        }
        return c;
    }
}
