package jug.core.store;

import jug.core.JugException;

/**
 * The store cannot be used: unknown scheme, unreachable server, wrong password, permission denied, disk full. The
 * message names the store (never with its password) and, where it can, what to do.
 */
public class StoreException extends JugException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
