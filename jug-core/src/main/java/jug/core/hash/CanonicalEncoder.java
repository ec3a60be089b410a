package jug.core.hash;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jug.core.CustomHash;
import jug.core.NoHash;
import jug.core.Task;
import jug.core.TaskFunction;
import jug.core.TaskKey;

/**
 * Computes task keys: SHA-256 over a canonical, versioned byte encoding of a task's name and arguments.
 *
 * <p>The encoding (version 1, specified in {@code docs/hashing.md} and pinned by golden tests) gives each value a
 * one-byte tag and a fixed payload, so that {@code 1}, {@code 1L}, {@code 1.0} and {@code "1"} differ, a list differs
 * from an array, and sets and maps are sorted by their elements' encodings so that iteration order does not matter.
 * A task argument contributes its key, so a change upstream changes every key downstream. Values of other types are
 * refused with {@link UnhashableArgumentException}; {@link CustomHash} and {@link NoHash} let a jugfile supply a
 * fingerprint or leave a value out.
 *
 * <p>Not thread-safe: each {@code Jug} owns one encoder.
 */
public final class CanonicalEncoder {
    /** Bumped whenever the encoding changes; it is the first thing hashed, so old and new keys never collide. */
    public static final String VERSION = "jug.task.v1";
    /** The prefix of {@link #valueKey}s: a different string, so that a value key is never also a task key. */
    static final String VALUE_VERSION = "jug.value.v1";

    private final MessageDigest sha256;
    private final ByteSink sink = new ByteSink();
    private String prefixName;
    private byte[] prefixBytes;
    private final Map<Class<?>, String> functionNames = new HashMap<>();

    public CanonicalEncoder() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }

    /**
     * The key of the task that applies the function {@code name} to {@code args}.
     *
     * @throws UnhashableArgumentException if an argument has no stable encoding; its path starts with
     *     {@code "argument i"} (1-based)
     */
    public TaskKey taskKey(String name, Object[] args) {
        if (!name.equals(prefixName)) { // jugfiles declare runs of tasks of one name: encode the prefix once per run
            ByteSink prefix = new ByteSink();
            prefix.writeString(VERSION);
            prefix.writeString(name);
            prefixName = name;
            prefixBytes = prefix.toByteArray();
        }
        sink.clear();
        sink.write(prefixBytes);
        sink.writeVarint(args.length);
        for (int i = 0; i < args.length; i++) {
            encode(sink, args[i], new Where(null, "argument ", i + 1));
        }
        return digest(sink);
    }

    /** The key of a value on its own (used for derived identities such as a tasklet's). */
    public TaskKey valueKey(String label, Object value) {
        sink.clear();
        sink.writeString(VALUE_VERSION);
        sink.writeString(label);
        encode(sink, value, new Where(null, "value", null));
        return digest(sink);
    }

    /** The canonical encoding of one value, as it enters a task's digest. */
    public byte[] encoding(Object value) {
        ByteSink out = new ByteSink();
        encode(out, value, new Where(null, "value", null));
        return out.toByteArray();
    }

    private TaskKey digest(ByteSink s) {
        sha256.reset();
        sha256.update(s.array(), 0, s.size());
        return TaskKey.of(sha256.digest());
    }

    private void encode(ByteSink out, Object v, Where path) {
        if (v == null) {
            out.write('N');
        } else if (v instanceof Task<?> task) {
            out.write('K');
            out.write(task.key().toBytes());
        } else if (v instanceof TaskFunction function) {
            out.write('f');
            out.writeString(functionNames.computeIfAbsent(function.getClass(), c -> TaskFunction.nameOf(function)));
        } else if (v instanceof String s) {
            out.write('s');
            out.writeString(s);
        } else if (v instanceof Integer i) {
            out.write('I');
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.write('J');
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.write('D');
            out.writeLong(Double.doubleToLongBits(d));
        } else if (v instanceof Boolean b) {
            out.write('Z');
            out.write(b ? 1 : 0);
        } else if (v instanceof Float f) {
            out.write('F');
            out.writeInt(Float.floatToIntBits(f));
        } else if (v instanceof Short s) {
            out.write('S');
            out.writeShort(s);
        } else if (v instanceof Byte b) {
            out.write('B');
            out.write(b);
        } else if (v instanceof Character c) {
            out.write('C');
            out.writeShort(c);
        } else if (v instanceof List<?> list) {
            out.write('L');
            out.writeVarint(list.size());
            int i = 0;
            for (Object e : list) {
                encode(out, e, path.child(", element ", i++));
            }
        } else if (v instanceof Set<?> set) {
            out.write('T');
            encodeSorted(out, set, path);
        } else if (v instanceof Map<?, ?> map) {
            out.write('M');
            encodeMap(out, map, path);
        } else if (v.getClass().isArray()) {
            encodeArray(out, v, path);
        } else if (v instanceof Record record) {
            encodeRecord(out, record, path);
        } else if (v instanceof Enum<?> e) {
            out.write('E');
            out.writeString(e.getDeclaringClass().getName());
            out.writeString(e.name());
        } else if (v instanceof Path p) {
            out.write('P');
            out.writeString(p.toString());
        } else if (v instanceof BigInteger b) {
            out.write('i');
            byte[] bytes = b.toByteArray();
            out.writeVarint(bytes.length);
            out.write(bytes);
        } else if (v instanceof BigDecimal d) {
            out.write('d');
            out.writeInt(d.scale());
            byte[] bytes = d.unscaledValue().toByteArray();
            out.writeVarint(bytes.length);
            out.write(bytes);
        } else if (v instanceof Optional<?> o) {
            out.write('O');
            out.write(o.isPresent() ? 1 : 0);
            if (o.isPresent()) {
                encode(out, o.get(), path.child(", optional value", null));
            }
        } else if (isTextualValue(v)) {
            out.write('V');
            out.writeString(v.getClass().getName());
            out.writeString(v.toString());
        } else {
            throw new UnhashableArgumentException(path.toString(), v.getClass());
        }
    }

    /** java.time values and UUIDs: immutable, and their {@code toString} is a documented, lossless format. */
    private static boolean isTextualValue(Object v) {
        String pkg = v.getClass().getPackageName();
        return v instanceof UUID
                || (pkg.equals("java.time") && (v instanceof TemporalAccessor || v instanceof TemporalAmount));
    }

    private void encodeSorted(ByteSink out, Collection<?> elements, Where path) {
        List<byte[]> encoded = new ArrayList<>(elements.size());
        for (Object e : elements) {
            ByteSink one = new ByteSink();
            encode(one, e, path.child(", set element", null));
            encoded.add(one.toByteArray());
        }
        encoded.sort(Arrays::compareUnsigned);
        out.writeVarint(encoded.size());
        for (byte[] e : encoded) {
            out.write(e);
        }
    }

    private void encodeMap(ByteSink out, Map<?, ?> map, Where path) {
        List<byte[][]> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            ByteSink key = new ByteSink();
            encode(key, e.getKey(), path.child(", map key", null));
            ByteSink value = new ByteSink();
            encode(value, e.getValue(), path.child(", value of key ", e.getKey()));
            entries.add(new byte[][] {key.toByteArray(), value.toByteArray()});
        }
        // Keys that encode alike (NoHash, equal CustomHash fingerprints) are ordered by their values' encodings, so
        // that no order of iteration shows through.
        entries.sort((a, b) -> {
            int byKey = Arrays.compareUnsigned(a[0], b[0]);
            return byKey != 0 ? byKey : Arrays.compareUnsigned(a[1], b[1]);
        });
        out.writeVarint(entries.size());
        for (byte[][] e : entries) {
            out.write(e[0]);
            out.write(e[1]);
        }
    }

    private void encodeArray(ByteSink out, Object array, Where path) {
        Class<?> component = array.getClass().getComponentType();
        if (component.isPrimitive()) {
            out.write('A');
            encodePrimitiveArray(out, array, component);
            return;
        }
        out.write('a');
        out.writeString(component.getName());
        int n = Array.getLength(array);
        out.writeVarint(n);
        Object[] elements = (Object[]) array;
        for (int i = 0; i < n; i++) {
            encode(out, elements[i], path.child(", element ", i));
        }
    }

    private static void encodePrimitiveArray(ByteSink out, Object array, Class<?> component) {
        if (component == int.class) {
            int[] a = (int[]) array;
            out.write('I');
            out.writeVarint(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (component == long.class) {
            long[] a = (long[]) array;
            out.write('J');
            out.writeVarint(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (component == double.class) {
            double[] a = (double[]) array;
            out.write('D');
            out.writeVarint(a.length);
            for (double x : a) {
                out.writeLong(Double.doubleToLongBits(x));
            }
        } else if (component == float.class) {
            float[] a = (float[]) array;
            out.write('F');
            out.writeVarint(a.length);
            for (float x : a) {
                out.writeInt(Float.floatToIntBits(x));
            }
        } else if (component == byte.class) {
            byte[] a = (byte[]) array;
            out.write('B');
            out.writeVarint(a.length);
            out.write(a);
        } else if (component == short.class) {
            short[] a = (short[]) array;
            out.write('S');
            out.writeVarint(a.length);
            for (short x : a) {
                out.writeShort(x);
            }
        } else if (component == char.class) {
            char[] a = (char[]) array;
            out.write('C');
            out.writeVarint(a.length);
            for (char x : a) {
                out.writeShort(x);
            }
        } else {
            boolean[] a = (boolean[]) array;
            out.write('Z');
            out.writeVarint(a.length);
            for (boolean x : a) {
                out.write(x ? 1 : 0);
            }
        }
    }

    private void encodeRecord(ByteSink out, Record record, Where path) {
        if (record instanceof NoHash<?>) {
            out.write('n');
            return;
        }
        if (record instanceof CustomHash<?> custom) {
            out.write('h');
            out.writeString(custom.fingerprint());
            return;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        out.write('R');
        out.writeString(record.getClass().getName());
        out.writeVarint(components.length);
        for (RecordComponent c : components) {
            out.writeString(c.getName());
            encode(out, read(record, c), path.child(", component '", c.getName() + "'"));
        }
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalStateException("cannot read component '" + component.getName() + "' of "
                    + record.getClass().getName(), e);
        }
    }

    /** Where a value sits inside an argument; spelled out only if something there cannot be hashed. */
    private record Where(Where parent, String label, Object detail) {
        Where child(String label, Object detail) {
            return new Where(this, label, detail);
        }

        @Override
        public String toString() {
            String here = detail == null ? label : label + detail;
            return parent == null ? here : parent + here;
        }
    }
}
