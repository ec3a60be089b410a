package jug.core.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Kryo's serializer for a primitive array inside a result (an image's pixels in a record, say), copying the elements
 * in bulk, little-endian: Kryo's own writes every {@code int}, {@code long} and {@code short} as a variable-length
 * number, about ten times slower on the megapixel arrays pipelines pass around. Written as length + 1 (0 for null),
 * then the elements.
 */
final class BulkArraySerializer extends Serializer<Object> {
    private final char code;
    private final int width;

    private BulkArraySerializer(char code, int width) {
        super(true); // accepts null
        this.code = code;
        this.width = width;
    }

    /** Replaces Kryo's serializers of {@code short[]}, {@code char[]}, {@code int[]}, {@code long[]}, {@code float[]}, {@code double[]}. */
    static void registerAll(Kryo kryo) {
        kryo.register(short[].class, new BulkArraySerializer('S', 2));
        kryo.register(char[].class, new BulkArraySerializer('C', 2));
        kryo.register(int[].class, new BulkArraySerializer('I', 4));
        kryo.register(long[].class, new BulkArraySerializer('J', 8));
        kryo.register(float[].class, new BulkArraySerializer('F', 4));
        kryo.register(double[].class, new BulkArraySerializer('D', 8));
    }

    @Override
    public void write(Kryo kryo, Output output, Object array) {
        if (array == null) {
            output.writeVarInt(0, true);
            return;
        }
        int n = java.lang.reflect.Array.getLength(array);
        output.writeVarInt(n + 1, true);
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(n, width)).order(ByteOrder.LITTLE_ENDIAN);
        switch (code) {
            case 'S' -> bytes.asShortBuffer().put((short[]) array);
            case 'C' -> bytes.asCharBuffer().put((char[]) array);
            case 'I' -> bytes.asIntBuffer().put((int[]) array);
            case 'J' -> bytes.asLongBuffer().put((long[]) array);
            case 'F' -> bytes.asFloatBuffer().put((float[]) array);
            default -> bytes.asDoubleBuffer().put((double[]) array);
        }
        output.writeBytes(bytes.array());
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
        int n = input.readVarInt(true) - 1;
        if (n < 0) {
            return null;
        }
        // The payload is in memory: a length its remaining bytes cannot hold is corrupt, and must not allocate first.
        if ((long) n * width > input.limit() - input.position()) {
            throw new KryoException("bad array length " + n);
        }
        ByteBuffer bytes = ByteBuffer.wrap(input.readBytes(n * width)).order(ByteOrder.LITTLE_ENDIAN);
        return switch (code) {
            case 'S' -> { short[] a = new short[n]; bytes.asShortBuffer().get(a); yield a; }
            case 'C' -> { char[] a = new char[n]; bytes.asCharBuffer().get(a); yield a; }
            case 'I' -> { int[] a = new int[n]; bytes.asIntBuffer().get(a); yield a; }
            case 'J' -> { long[] a = new long[n]; bytes.asLongBuffer().get(a); yield a; }
            case 'F' -> { float[] a = new float[n]; bytes.asFloatBuffer().get(a); yield a; }
            default -> { double[] a = new double[n]; bytes.asDoubleBuffer().get(a); yield a; }
        };
    }

    @Override
    public Object copy(Kryo kryo, Object original) {
        return switch (code) {
            case 'S' -> ((short[]) original).clone();
            case 'C' -> ((char[]) original).clone();
            case 'I' -> ((int[]) original).clone();
            case 'J' -> ((long[]) original).clone();
            case 'F' -> ((float[]) original).clone();
            default -> ((double[]) original).clone();
        };
    }
}
