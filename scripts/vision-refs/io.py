"""Image files written without ImageIO, for jug.vision.io.Images to read, and the pixels they hold.

Writes small PNG files (encoded here with zlib and struct, following the PNG specification) and uncompressed TIFF
files (baseline TIFF 6.0 strips) under vision/src/test/resources/jug/vision/io/, plus io.npz with the expected bands
of each file as read: key "<file>_p<page>_b<band>". Palette files expand to their colours; a 1-bit black/white file
reads as 0/1; a 2-bit grey file scales to 0, 85, 170, 255.
"""
import pathlib
import struct
import zlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/io"
rng = np.random.default_rng(11)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(row, depth):
    if depth == 16:
        return row.astype(">u2").tobytes()
    if depth == 8:
        return row.astype(np.uint8).tobytes()
    per_byte = 8 // depth
    padded = np.zeros(-(-len(row) // per_byte) * per_byte, np.int64)
    padded[: len(row)] = row
    out = bytearray()
    for i in range(0, len(padded), per_byte):
        byte = 0
        for v in padded[i: i + per_byte]:
            byte = (byte << depth) | int(v)
        out.append(byte)
    return bytes(out)


def write_png(name, samples, colour_type, depth, palette=None, alpha=None):
    """samples: (H, W) or (H, W, C) integer array of raw stored samples (palette indices for type 3)."""
    h, w = samples.shape[:2]
    flat = samples.reshape(h, -1)
    raw = b"".join(b"\x00" + pack_row(flat[r], depth) for r in range(h))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour_type, 0, 0, 0))
    if palette is not None:
        data += chunk(b"PLTE", bytes(np.asarray(palette, np.uint8).ravel()))
    if alpha is not None:
        data += chunk(b"tRNS", bytes(np.asarray(alpha, np.uint8)))
    data += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    (OUT / name).write_bytes(data)


def write_tiff(name, pages, endian, sample_format, photometric=1):
    """pages: list of (H, W) or (H, W, C) arrays; one uncompressed strip per page, chained IFDs."""
    e = "<" if endian == "II" else ">"
    out = bytearray(endian.encode() + struct.pack(e + "HI", 42, 0))
    previous_next = 4
    for page in pages:
        h, w = page.shape[:2]
        spp = 1 if page.ndim == 2 else page.shape[2]
        bits = page.dtype.itemsize * 8
        pixels = page.astype(page.dtype.newbyteorder(e)).tobytes()
        strip = len(out)
        out += pixels
        if len(out) % 2:
            out += b"\x00"
        extra = bytearray()
        tags = [(256, 4, [w]), (257, 4, [h]), (258, 3, [bits] * spp), (259, 3, [1]), (262, 3, [photometric]),
                (273, 4, [strip]), (277, 3, [spp]), (278, 4, [h]), (279, 4, [len(pixels)]), (284, 3, [1]),
                (339, 3, [sample_format] * spp)]
        ifd = len(out)
        struct.pack_into(e + "I", out, previous_next, ifd)
        body = bytearray(struct.pack(e + "H", len(tags)))
        extra_at = ifd + 2 + 12 * len(tags) + 4
        for tag, kind, values in tags:
            fmt = "H" if kind == 3 else "I"
            packed = struct.pack(e + fmt * len(values), *values)
            if len(packed) <= 4:
                body += struct.pack(e + "HHI", tag, kind, len(values)) + packed.ljust(4, b"\x00")
            else:
                body += struct.pack(e + "HHII", tag, kind, len(values), extra_at + len(extra))
                extra += packed
        previous_next = ifd + len(body)
        body += struct.pack(e + "I", 0)
        out += body + extra
    (OUT / name).write_bytes(bytes(out))


def bands(image):
    return [image] if image.ndim == 2 else [image[:, :, b] for b in range(image.shape[2])]


def main():
    expected = {}

    def record(name, pages):
        for p, page in enumerate(pages):
            for b, band in enumerate(bands(page)):
                expected[f"{name}_p{p}_b{b}"] = np.ascontiguousarray(band)

    grey8 = rng.integers(0, 256, (7, 5))
    write_png("grey8.png", grey8, 0, 8)
    record("grey8.png", [grey8.astype(np.uint8)])

    grey16 = rng.integers(0, 65536, (6, 9))
    grey16[0, 0], grey16[0, 1] = 65535, 256
    write_png("grey16.png", grey16, 0, 16)
    record("grey16.png", [grey16.astype(np.uint16)])

    rgb8 = rng.integers(0, 256, (4, 6, 3))
    write_png("rgb8.png", rgb8, 2, 8)
    record("rgb8.png", [rgb8.astype(np.uint8)])

    rgba16 = rng.integers(0, 65536, (5, 3, 4))
    write_png("rgba16.png", rgba16, 6, 16)
    record("rgba16.png", [rgba16.astype(np.uint16)])

    grey_alpha = rng.integers(0, 256, (3, 7, 2))
    write_png("greyalpha8.png", grey_alpha, 4, 8)
    record("greyalpha8.png", [grey_alpha.astype(np.uint8)])

    palette = np.array([[255, 0, 0], [0, 128, 255], [10, 20, 30], [200, 200, 0], [0, 0, 0]])
    alpha = np.array([255, 255, 0, 128, 255])
    index = rng.integers(0, 5, (6, 4))
    write_png("palette.png", index, 3, 8, palette, alpha)
    rgba = np.concatenate([palette[index], alpha[index][:, :, None]], axis=2)
    record("palette.png", [rgba.astype(np.uint8)])

    greys = np.array([[g, g, g] for g in (0, 17, 99, 255, 3)])
    index = rng.integers(0, 5, (5, 5))
    write_png("palettegrey.png", index, 3, 8, greys)
    record("palettegrey.png", [greys[index][:, :, 0].astype(np.uint8)])

    colours16 = rng.integers(0, 256, (16, 3))
    index = rng.integers(0, 16, (3, 9))
    write_png("palette4bit.png", index, 3, 4, colours16)
    record("palette4bit.png", [colours16[index].astype(np.uint8)])

    bits = rng.integers(0, 2, (5, 13))
    write_png("bits1.png", bits, 0, 1)
    record("bits1.png", [bits.astype(np.uint8)])

    two = rng.integers(0, 4, (4, 7))
    write_png("grey2bit.png", two, 0, 2)
    record("grey2bit.png", [(two * 85).astype(np.uint8)])

    floats = [np.array([[-1.5, 0.0, 1e-30, 3.25], [1e30, -0.0, 7.0, 2.5e-3], [np.pi, -np.e, 1 / 3, 65536.5]],
                       np.float32), (rng.normal(0, 1000, (3, 4))).astype(np.float32)]
    write_tiff("stack_f32_le.tif", floats, "II", 3)
    record("stack_f32_le.tif", floats)

    u16 = rng.integers(0, 65536, (4, 6)).astype(np.uint16)
    u16[0, 0] = 0x0102
    write_tiff("u16_be.tif", [u16], "MM", 1)
    record("u16_be.tif", [u16])

    s16 = rng.integers(-32768, 32768, (3, 5)).astype(np.int16)
    write_tiff("s16.tif", [s16], "II", 2)
    record("s16.tif", [s16.astype(np.int32)])

    f64 = rng.normal(0, 1e5, (2, 3))
    write_tiff("f64_be.tif", [f64], "MM", 3)
    record("f64_be.tif", [f64])

    rgb = rng.integers(0, 256, (3, 4, 3)).astype(np.uint8)
    write_tiff("rgb8.tif", [rgb], "II", 1, photometric=2)
    record("rgb8.tif", [rgb])

    np.savez_compressed(OUT / "io.npz", **expected)


if __name__ == "__main__":
    main()
