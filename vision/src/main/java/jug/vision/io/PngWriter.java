package jug.vision.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Planar;

/**
 * Writes 8- and 16-bit grey, grey+alpha, RGB and RGBA PNG files straight from the bands, several times faster than
 * the JDK's PNG writer (which converts to a {@code BufferedImage}, tries every filter on every row and deflates hard):
 * every row uses the "up" filter and the deflater its fastest level. Pipelines write many pictures to look at, where
 * a somewhat larger file is the better trade.
 */
final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngWriter() {
    }

    /** True if this writer stores the picture exactly. */
    static boolean handles(Planar<? extends GrayImage> p) {
        return (p.dtype() == DType.U8 || p.dtype() == DType.U16) && p.bandCount() >= 1 && p.bandCount() <= 4;
    }

    static void write(Planar<? extends GrayImage> p, OutputStream out) throws IOException {
        int h = p.height();
        int w = p.width();
        int bands = p.bandCount();
        int bytesPerSample = p.dtype() == DType.U16 ? 2 : 1;
        int rowBytes = w * bands * bytesPerSample;
        out.write(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) (8 * bytesPerSample))
                .put((byte) colourType(bands)).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), 13);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] previous = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        byte[] filtered = new byte[rowBytes + 1];
        byte[] buffer = new byte[1 << 16];
        ByteArrayChunks idat = new ByteArrayChunks(out);
        try {
            for (int r = 0; r < h; r++) {
                fillRow(p, r, bytesPerSample, row);
                filtered[0] = 2; // "up": each byte minus the byte above it
                for (int i = 0; i < rowBytes; i++) {
                    filtered[i + 1] = (byte) (row[i] - previous[i]);
                }
                deflater.setInput(filtered, 0, rowBytes + 1);
                while (!deflater.needsInput()) {
                    idat.add(buffer, deflater.deflate(buffer));
                }
                byte[] swap = previous;
                previous = row;
                row = swap;
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.add(buffer, deflater.deflate(buffer));
            }
            idat.flush();
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
    }

    private static int colourType(int bands) {
        return switch (bands) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> 6;
        };
    }

    private static void fillRow(Planar<? extends GrayImage> p, int r, int bytesPerSample, byte[] row) {
        int bands = p.bandCount();
        int w = p.width();
        for (int b = 0; b < bands; b++) {
            GrayImage band = p.band(b);
            int at = band.index(r, 0);
            if (band instanceof GrayU8 u8) {
                byte[] d = u8.data();
                for (int c = 0, o = b; c < w; c++, o += bands) {
                    row[o] = d[at + c];
                }
            } else {
                short[] d = ((GrayU16) band).data();
                for (int c = 0, o = 2 * b; c < w; c++, o += 2 * bands) {
                    row[o] = (byte) (d[at + c] >>> 8); // big-endian, as PNG stores 16-bit samples
                    row[o + 1] = (byte) d[at + c];
                }
            }
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(t);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Collects deflated bytes into IDAT chunks of up to 256 KiB. */
    private static final class ByteArrayChunks {
        private final OutputStream out;
        private final byte[] chunk = new byte[1 << 18];
        private int size;

        ByteArrayChunks(OutputStream out) {
            this.out = out;
        }

        void add(byte[] bytes, int length) throws IOException {
            int at = 0;
            while (at < length) {
                int n = Math.min(length - at, chunk.length - size);
                System.arraycopy(bytes, at, chunk, size, n);
                size += n;
                at += n;
                if (size == chunk.length) {
                    flush();
                }
            }
        }

        void flush() throws IOException {
            if (size > 0) {
                chunk(out, "IDAT", chunk, size);
                size = 0;
            }
        }
    }
}
