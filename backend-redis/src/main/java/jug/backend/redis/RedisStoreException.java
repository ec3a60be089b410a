package jug.backend.redis;

import java.io.IOException;

/**
 * A Redis operation failed for good: the server stayed unreachable for the retry time, or refused the request. The
 * message is one line that names the server (never with its password) and, where it can, what to do; it is also
 * what {@link #toString} returns, since a command line prints it as is.
 */
public final class RedisStoreException extends IOException {
    RedisStoreException(String message) {
        super(message);
    }

    RedisStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
