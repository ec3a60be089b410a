package jug.vision.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import jug.vision.GrayImage;
import jug.vision.Planar;

/**
 * Reads and writes image files (mahotas's {@code imread} and {@code imsave}) with the JDK's own ImageIO: PNG, JPEG,
 * BMP, GIF and TIFF, chosen by the file's extension.
 *
 * <pre>{@code
 * GrayImage nuclei = Images.readGrey(Path.of("nuclei.png"));     // grey as stored; colour → 0.30 R + 0.59 G + 0.11 B
 * Picture photo = Images.imread(Path.of("cells.tif"));            // Picture.Grey or Picture.Colour, native type
 * List<GrayImage> stack = Images.readStack(Path.of("z.tif"));     // every page of a multi-page TIFF
 * Images.imsave(Path.of("mask.png"), Convert.maskTo255(mask));
 * }</pre>
 *
 * <p>Pixels keep the type the file stores: 8-bit files read as uint8, 16-bit as uint16, float TIFF as float32 or
 * float64, 32-bit integer TIFF as int32; colour files read as a {@link Planar} of one band per channel. Writing is
 * exact wherever the format allows (everything but JPEG); a format that cannot hold an image exactly is refused rather
 * than degraded: PNG holds uint8 and uint16, TIFF every type, JPEG and BMP 8-bit grey or RGB, GIF 8-bit grey or RGB of
 * at most 256 colours. Files are written to a temporary file beside the target and then renamed, so a failed write
 * leaves no partial file. Problems with a file raise an {@link ImageFileException} (a missing file a
 * {@link NoSuchFileException}), whose message starts with the file.
 */
public final class Images {
    private Images() {
    }

    /**
     * Reads an image file; for a multi-page file, its first page. The format is the one the extension names, and the
     * content must be of that format.
     */
    public static Picture imread(Path file) throws IOException {
        return read(file, false).get(0);
    }

    /**
     * Reads an image file as one grey image: a grey file as stored (its own pixel type), a colour file as its
     * luminance {@code 0.30 R + 0.59 G + 0.11 B} in float64 (mahotas's {@code as_grey}); see {@link Picture#grey()}.
     */
    public static GrayImage readGrey(Path file) throws IOException {
        return imread(file).grey();
    }

    /** Reads every page of a file (one for formats without pages; every frame of an animated GIF, unmerged). */
    public static List<Picture> readPages(Path file) throws IOException {
        return read(file, true);
    }

    /** Reads every page of a file as a grey image, as {@link #readGrey} does for one: a z-stack or time series. */
    public static List<GrayImage> readStack(Path file) throws IOException {
        List<GrayImage> pages = new ArrayList<>();
        for (Picture p : read(file, true)) {
            pages.add(p.grey());
        }
        return pages;
    }

    /** Writes a grey image; see {@link Images} for what each format holds. */
    public static void imsave(Path file, GrayImage image) throws IOException {
        imsave(file, Picture.of(image));
    }

    /** Writes an image of 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA) bands. */
    public static void imsave(Path file, Planar<? extends GrayImage> image) throws IOException {
        imsave(file, Picture.of(image));
    }

    /** Writes a picture as read by {@link #imread}. */
    public static void imsave(Path file, Picture picture) throws IOException {
        write(file, List.of(picture));
    }

    /** Writes grey images as the pages of one multi-page TIFF file, in order. */
    public static void writeStack(Path file, List<? extends GrayImage> pages) throws IOException {
        List<Picture> pictures = new ArrayList<>(pages.size());
        for (GrayImage page : pages) {
            pictures.add(Picture.of(page));
        }
        writePages(file, pictures);
    }

    /** Writes pictures as the pages of one multi-page TIFF file, in order; they may differ in type and shape. */
    public static void writePages(Path file, List<? extends Picture> pages) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException(file + ": no pages to write");
        }
        Format format = Format.of(file);
        if (!format.holdsPages()) {
            throw new ImageFileException(file, format + " holds one image per file, and " + pages.size()
                    + " pages were given; write them to a .tif file, or one file per page");
        }
        write(file, pages);
    }

    private static List<Picture> read(Path file, boolean allPages) throws IOException {
        Format format = Format.of(file);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new ImageFileException(file, "is a directory, not an image file");
        }
        if (format == Format.PNG) {
            Optional<Picture> fast = PngReader.read(Files.readAllBytes(file), file);
            if (fast.isPresent()) {
                return List.of(fast.get());
            }
        }
        // Opened outside the try, so that an unreadable file reports itself rather than a decoding failure.
        ImageInputStream in = new FileImageInputStream(file.toFile());
        ImageReader reader = readerFor(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
        try (in) {
            ImageReaderSpi spi = reader.getOriginatingProvider();
            if (spi != null && !spi.canDecodeInput(in)) {
                throw new ImageFileException(file, "not a " + format + " file (" + whatItIs(in) + ")");
            }
            reader.setInput(in, false, true);
            int pages = allPages ? reader.getNumImages(true) : 1;
            if (pages < 1) {
                throw new ImageFileException(file, "the " + format + " file holds no image");
            }
            List<Picture> out = new ArrayList<>(pages);
            for (int i = 0; i < pages; i++) {
                BufferedImage image = reader.read(i);
                // The JDK's JPEG decoder reports truncated or corrupt data as warnings and fills in grey.
                if (format == Format.JPEG && !warnings.isEmpty()) {
                    throw new ImageFileException(file, "corrupt or truncated JPEG: " + String.join("; ", warnings));
                }
                out.add(Decoder.decode(image, file));
            }
            return out;
        } catch (ImageFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Corrupt files make some JDK plugins throw runtime exceptions; both mean the same to the caller.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() != null && e.getCause().getMessage() != null) {
                why += " (" + e.getCause().getMessage() + ")";
            }
            throw new ImageFileException(file, "cannot decode " + format + ": " + why
                    + "; the file is truncated, corrupt, or of a kind the JDK's reader does not handle", e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static String whatItIs(ImageInputStream in) throws IOException {
        in.seek(0);
        Iterator<ImageReader> others = ImageIO.getImageReaders(in);
        if (!others.hasNext()) {
            return "no JDK reader recognises its content";
        }
        ImageReader other = others.next();
        String name = other.getFormatName().toUpperCase(Locale.ROOT);
        other.dispose();
        return "its content is " + name + "; rename it with the matching extension";
    }

    private static void write(Path file, List<? extends Picture> pages) throws IOException {
        Format format = Format.of(file);
        if (format == Format.PNG && pages.size() == 1 && PngWriter.handles(pages.get(0).planar())) {
            writePng(file, pages.get(0));
            return;
        }
        List<BufferedImage> images = new ArrayList<>(pages.size());
        for (Picture p : pages) {
            images.add(Encoder.encode(p, format, file));
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory to write " + file.getFileName());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
        Path temp = partFile(dir, file);
        try {
            try (FileImageOutputStream out = new FileImageOutputStream(temp.toFile())) {
                writer.setOutput(out);
                ImageWriteParam param = parameters(writer, format);
                if (images.size() == 1) {
                    writer.write(null, new IIOImage(images.get(0), null, null), param);
                } else {
                    writer.prepareWriteSequence(null);
                    for (BufferedImage image : images) {
                        writer.writeToSequence(new IIOImage(image, null, null), param);
                    }
                    writer.endWriteSequence();
                }
            }
            move(temp, file);
        } catch (IOException | RuntimeException e) {
            throw new ImageFileException(file, "cannot write " + format + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
            Files.deleteIfExists(temp);
        }
    }

    private static void writePng(Path file, Picture picture) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory to write " + file.getFileName());
        }
        Path temp = partFile(dir, file);
        try {
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                PngWriter.write(picture.planar(), out);
            }
            move(temp, file);
        } catch (IOException | RuntimeException e) {
            throw new ImageFileException(file, "cannot write PNG: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ImageWriteParam parameters(ImageWriter writer, Format format) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == Format.GIF) {
            // The JDK's GIF writer interlaces by default and its reader then misplaces rows of short images.
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        } else if (format == Format.TIFF) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
        }
        return param;
    }

    /**
     * A new empty file beside {@code file}, to write into and then rename. Created like any file (permissions from
     * the umask), not as a private temporary file, since the rename keeps its permissions.
     */
    private static Path partFile(Path dir, Path file) throws IOException {
        while (true) {
            Path part = (dir == null ? Path.of("") : dir).resolve("." + file.getFileName() + "."
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(part);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try another name
            }
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
