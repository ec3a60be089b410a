package jug.core.hash;

/**
 * An argument (or a value nested inside one) has a type with no stable encoding. {@link #path()} says where it sits
 * inside the argument, such as {@code "element 3, component 'lock'"}, and {@link #type()} what it is.
 */
public final class UnhashableArgumentException extends RuntimeException {
    private final String path;
    private final Class<?> type;

    UnhashableArgumentException(String path, Class<?> type) {
        super((path.isEmpty() ? "" : path + ": ") + "type " + type.getName() + " has no stable hash");
        this.path = path;
        this.type = type;
    }

    /** Where the value sits inside the argument; empty if it is the argument itself. */
    public String path() {
        return path;
    }

    /** The type that cannot be encoded. */
    public Class<?> type() {
        return type;
    }
}
