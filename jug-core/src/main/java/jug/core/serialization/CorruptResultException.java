package jug.core.serialization;

import java.io.IOException;

/**
 * A stored entry is not a complete, intact result: torn by a crash, truncated, damaged on disk, or written by an
 * incompatible version. The worker that meets one reports it (task and key), removes it and computes the result again.
 */
public final class CorruptResultException extends IOException {
    public CorruptResultException(String message) {
        super(message);
    }

    public CorruptResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
