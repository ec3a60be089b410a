package jug.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads numpy's {@code .npy} and {@code .npz} files, the format of the scipy reference outputs under
 * {@code src/test/resources}. Supports C-order arrays of bool, uint8, uint16, int32, int64, float32 and float64.
 */
public final class Npy {
    /** One array: numpy dtype descriptor (such as {@code <f8}), shape, and values widened to double. */
    public record Array(String dtype, int[] shape, double[] values) {
        public int rows() {
            return shape.length == 1 ? 1 : shape[0];
        }

        public int cols() {
            return shape.length == 1 ? shape[0] : shape[1];
        }

        public GrayU8 toU8() {
            byte[] d = new byte[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) (int) values[i];
            }
            return new GrayU8(rows(), cols(), d);
        }

        public GrayU16 toU16() {
            short[] d = new short[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (short) (int) values[i];
            }
            return new GrayU16(rows(), cols(), d);
        }

        public GrayS32 toS32() {
            int[] d = new int[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (int) values[i];
            }
            return new GrayS32(rows(), cols(), d);
        }

        public GrayF32 toF32() {
            float[] d = new float[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) values[i];
            }
            return new GrayF32(rows(), cols(), d);
        }

        public GrayF64 toF64() {
            return new GrayF64(rows(), cols(), values.clone());
        }

        /** The image in its own dtype (bool and uint8 as U8, int64 as S32). */
        public GrayImage toImage() {
            return switch (dtype.substring(1)) {
                case "b1", "u1" -> toU8();
                case "u2" -> toU16();
                case "i4", "i8" -> toS32();
                case "f4" -> toF32();
                case "f8" -> toF64();
                default -> throw new IllegalArgumentException("no image type for numpy dtype " + dtype);
            };
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads one {@code .npy} resource of the test class path, such as {@code "/jug/vision/filter/g.npy"}. */
    public static Array resource(String name) {
        try (InputStream in = open(name)) {
            return read(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** Reads every array of an {@code .npz} resource, by name (without the {@code .npy} suffix), in file order. */
    public static Map<String, Array> resourceArchive(String name) {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(open(name))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String key = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                arrays.put(key, read(zip.readAllBytes(), name + ":" + e.getName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return arrays;
    }

    private static InputStream open(String name) {
        InputStream in = Npy.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name + "; run the generator script under scripts/");
        }
        return in;
    }

    static Array read(byte[] bytes, String what) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
            throw new IllegalArgumentException(what + ": not an .npy file");
        }
        int major = bytes[6];
        b.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        String header = new String(bytes, b.position(), headerLength, StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLength);
        String descr = find(DESCR, header, what);
        if (find(ORDER, header, what).equals("True")) {
            throw new IllegalArgumentException(what + ": Fortran-order arrays are not supported; save with np.ascontiguousarray");
        }
        String[] dims = find(SHAPE, header, what).split(",");
        int[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        b.order(order);
        double[] v = new double[n];
        String kind = descr.substring(1);
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case "b1", "u1" -> Byte.toUnsignedInt(b.get());
                case "i1" -> b.get();
                case "u2" -> Short.toUnsignedInt(b.getShort());
                case "i2" -> b.getShort();
                case "i4" -> b.getInt();
                case "u4" -> Integer.toUnsignedLong(b.getInt());
                case "i8" -> b.getLong();
                case "f4" -> b.getFloat();
                case "f8" -> b.getDouble();
                default -> throw new IllegalArgumentException(what + ": unsupported numpy dtype " + descr);
            };
        }
        return new Array(descr, shape, v);
    }

    private static String find(Pattern p, String header, String what) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(what + ": .npy header lacks " + p.pattern() + ": " + header);
        }
        return m.group(1);
    }
}
