package jug.core.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Turns a task's result into the bytes a store keeps, and back. Every entry carries a format version and a CRC32C
 * checksum, so that a torn or damaged entry is detected rather than loaded:
 *
 * <pre>
 * offset  size  field
 * 0       4     magic "JUGR"
 * 4       1     format version (1)
 * 5       1     payload kind: 'N' null, 'A' primitive array (raw, little-endian), 'K' Kryo
 * 6       4     metadata length M
 * 10      M     metadata: task name, host (UTF), pid, started (epoch ms), duration (ns)
 * 10+M    8     payload length P
 * 18+M    P     payload
 * 18+M+P  4     CRC32C of every byte before it
 * </pre>
 *
 * Primitive arrays and arrays of them (a {@code double[][]}, say) skip Kryo and are copied in bulk: jug's counterpart
 * of Python jug's raw numpy path. Everything else goes through Kryo, restricted to the classes {@link ResultTypes}
 * allows. Not thread-safe: use one codec per worker thread.
 */
public final class ResultCodec {
    static final byte[] MAGIC = {'J', 'U', 'G', 'R'};
    static final int VERSION = 1;
    private static final int TRAILER = 4;

    private final ResultTypes allowed;
    private final ClassLoader loader;
    private Kryo kryo;
    private final Output output = new Output(4096, -1);

    /** A codec that allows {@code allowed} and loads classes (of the jugfile, say) through {@code loader}. */
    public ResultCodec(ResultTypes allowed, ClassLoader loader) {
        this.allowed = allowed;
        this.loader = loader;
    }

    /**
     * Encodes {@code value} with its metadata.
     *
     * @throws UnstorableResultException if the value holds a type that may not be stored or cannot be serialized
     */
    public byte[] encode(Object value, ResultMetadata metadata) {
        byte kind;
        byte[] payload;
        if (value == null) {
            kind = 'N';
            payload = new byte[0];
        } else if (PrimitiveArrays.isSupported(value)) {
            kind = 'A';
            payload = PrimitiveArrays.encode(value);
        } else {
            kind = 'K';
            payload = kryoEncode(value);
        }
        byte[] meta = encodeMetadata(metadata);
        ByteBuffer b = ByteBuffer.allocate(6 + 4 + meta.length + 8 + payload.length + TRAILER);
        b.put(MAGIC).put((byte) VERSION).put(kind).putInt(meta.length).put(meta).putLong(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Decodes an entry's value, after checking its structure and checksum. */
    public Object decode(byte[] entry) throws CorruptResultException {
        Layout layout = check(entry);
        return switch (layout.kind) {
            case 'N' -> null;
            case 'A' -> PrimitiveArrays.decode(entry, layout.payloadStart, layout.payloadLength);
            case 'K' -> kryoDecode(entry, layout.payloadStart, layout.payloadLength);
            default -> throw new CorruptResultException("unknown payload kind " + layout.kind);
        };
    }

    /** Reads only the metadata of an entry, after checking its structure and checksum. */
    public static ResultMetadata metadata(byte[] entry) throws CorruptResultException {
        Layout layout = check(entry);
        ByteBuffer b = ByteBuffer.wrap(entry, 10, layout.metadataLength);
        try {
            String name = readString(b);
            String host = readString(b);
            long pid = b.getLong();
            Instant started = Instant.ofEpochMilli(b.getLong());
            Duration duration = Duration.ofNanos(b.getLong());
            return new ResultMetadata(name, host, pid, started, duration);
        } catch (RuntimeException e) {
            throw new CorruptResultException("unreadable metadata", e);
        }
    }

    private record Layout(byte kind, int metadataLength, int payloadStart, int payloadLength) {
    }

    private static Layout check(byte[] entry) throws CorruptResultException {
        if (entry.length < 6 + 4 + 8 + TRAILER) {
            throw new CorruptResultException("entry too short (" + entry.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (entry[i] != MAGIC[i]) {
                throw new CorruptResultException("not a jug result entry (bad magic)");
            }
        }
        if (entry[4] != VERSION) {
            throw new CorruptResultException("entry format version " + entry[4] + ", this jug reads version " + VERSION);
        }
        ByteBuffer b = ByteBuffer.wrap(entry);
        int metaLength = b.getInt(6);
        if (metaLength < 0 || 10L + metaLength + 8 + TRAILER > entry.length) {
            throw new CorruptResultException("entry truncated (metadata length " + metaLength + ")");
        }
        long payloadLength = b.getLong(10 + metaLength);
        long expected = 10L + metaLength + 8 + payloadLength + TRAILER;
        if (payloadLength < 0 || expected != entry.length) {
            throw new CorruptResultException("entry has " + entry.length + " bytes, its header says " + expected);
        }
        CRC32C crc = new CRC32C();
        crc.update(entry, 0, entry.length - TRAILER);
        if ((int) crc.getValue() != b.getInt(entry.length - TRAILER)) {
            throw new CorruptResultException("checksum mismatch");
        }
        return new Layout(entry[5], metaLength, 10 + metaLength + 8, (int) payloadLength);
    }

    private byte[] kryoEncode(Object value) {
        output.reset();
        try {
            kryo().writeClassAndObject(output, value);
        } catch (RuntimeException | StackOverflowError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnstorableResultException refused) {
                    throw refused;
                }
            }
            throw new UnstorableResultException(value.getClass().getName(), describe(e), e);
        }
        return output.toBytes();
    }

    private Object kryoDecode(byte[] entry, int start, int length) throws CorruptResultException {
        try (Input input = new Input(entry, start, length)) {
            Object value = kryo().readClassAndObject(input);
            if (input.position() != start + length) {
                throw new CorruptResultException("payload has " + (start + length - input.position()) + " trailing bytes");
            }
            return value;
        } catch (UnstorableResultException e) {
            throw new CorruptResultException("refused to load " + e.type() + ", which a stored result may not contain", e);
        } catch (RuntimeException e) {
            // A damaged or hand-made payload can make a serializer fail in any way (a ClassCastException, say); it is
            // a corrupt entry to recompute, not a failure of the task that reads it.
            throw new CorruptResultException("payload does not decode: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    private Kryo kryo() {
        if (kryo == null) {
            // References are tracked so that shared sub-objects and cycles survive a round trip.
            Kryo k = new Kryo(new CheckedClassResolver(allowed), new MapReferenceResolver());
            k.setRegistrationRequired(false);
            k.setWarnUnregisteredClasses(false);
            k.setClassLoader(loader);
            k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
            // Allowed, but Kryo's field serializer cannot reach its private fields on Java 17.
            k.addDefaultSerializer(UUID.class, new DefaultSerializers.UUIDSerializer());
            BulkArraySerializer.registerAll(k);
            kryo = k;
        }
        return kryo;
    }

    private static byte[] encodeMetadata(ResultMetadata m) {
        byte[] name = m.taskName().getBytes(StandardCharsets.UTF_8);
        byte[] host = m.host().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + name.length + 4 + host.length + 24).order(ByteOrder.BIG_ENDIAN);
        b.putInt(name.length).put(name).putInt(host.length).put(host);
        b.putLong(m.pid()).putLong(m.started().toEpochMilli()).putLong(m.duration().toNanos());
        return b.array();
    }

    private static String readString(ByteBuffer b) {
        int n = b.getInt();
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
