package jug.core;

/**
 * A mistake in the user's jugfile: it does not compile, declares an impossible task, passes an argument that has no
 * stable hash, or returns a result that cannot be stored. The message starts with the place ({@code file:line}) when
 * one is known, then says what was found, what was expected and what to do.
 */
public class JugfileException extends JugException {
    public JugfileException(String message) {
        super(message);
    }

    public JugfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
