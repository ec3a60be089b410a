package jug.core;

/**
 * The root of jug's unchecked exceptions. Subclasses say what the caller does next: {@link JugfileException} for a
 * mistake in the user's jugfile, {@link jug.core.store.StoreException} for an unusable store, and
 * {@link TaskFailedException} when a task's own code threw.
 */
public class JugException extends RuntimeException {
    public JugException(String message) {
        super(message);
    }

    public JugException(String message, Throwable cause) {
        super(message, cause);
    }
}
