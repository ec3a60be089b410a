package jug.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Function;

/**
 * An argument whose contribution to its task's identity is a fingerprint that the jugfile computes, for values that
 * have no stable encoding of their own or that are cheaper to identify than to encode (Python jug's
 * {@code CustomHash}). The task receives {@link #value()} itself; the fingerprint is computed once, when the task is
 * declared.
 */
public record CustomHash<T>(T value, String fingerprint) {
    public CustomHash {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Wraps {@code value}, identified by what {@code fingerprint} returns for it. */
    public static <T> CustomHash<T> of(T value, Function<? super T, String> fingerprint) {
        return new CustomHash<>(value, fingerprint.apply(value));
    }

    /**
     * A path identified by its name, size and modification time, so that a task reading the file runs again when the
     * file changes (Python jug's {@code timed_path}).
     */
    public static CustomHash<Path> timedPath(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new CustomHash<>(path, path + "\u0000" + attributes.size() + "\u0000"
                    + attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size and modification time of " + path, e);
        }
    }
}
