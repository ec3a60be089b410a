package jug.vision.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be read or written as asked: an unknown extension, content that is not the format its
 * name says, a truncated or corrupt file, or pixels the format cannot hold. The message starts with the file.
 */
public final class ImageFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** An exception for {@code file}; the message is {@code "<file>: <reason>"}. */
    public ImageFileException(Path file, String reason) {
        this(file, reason, null);
    }

    /** An exception for {@code file} with the exception that revealed the problem. */
    public ImageFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file that could not be read or written. */
    public Path file() {
        return file;
    }
}
