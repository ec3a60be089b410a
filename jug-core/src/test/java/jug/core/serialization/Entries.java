package jug.core.serialization;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** Builds entries byte by byte, following the layout documented on {@link ResultCodec}, with a valid checksum. */
final class Entries {
    private Entries() {
    }

    /** An entry of version 1 with empty metadata, the given payload kind and payload, and a valid CRC32C. */
    static byte[] withPayload(char kind, byte[] payload) {
        return withMetadata(kind, new byte[0], payload);
    }

    static byte[] withMetadata(char kind, byte[] metadata, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 1 + 1 + 4 + metadata.length + 8 + payload.length + 4);
        b.put(new byte[] {'J', 'U', 'G', 'R'}).put((byte) 1).put((byte) kind);
        b.putInt(metadata.length).put(metadata).putLong(payload.length).put(payload);
        return sealed(b.array());
    }

    /** {@code entry} with its last four bytes replaced by the CRC32C of the others. */
    static byte[] sealed(byte[] entry) {
        CRC32C crc = new CRC32C();
        crc.update(entry, 0, entry.length - 4);
        ByteBuffer.wrap(entry).putInt(entry.length - 4, (int) crc.getValue());
        return entry;
    }
}
