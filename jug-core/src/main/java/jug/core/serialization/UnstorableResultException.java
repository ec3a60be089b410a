package jug.core.serialization;

/**
 * A result (or a value nested in it) has a type that jug will not store, because loading it back could build
 * arbitrary objects, or because the serializer cannot handle it. {@link #type()} names the type.
 */
public final class UnstorableResultException extends RuntimeException {
    private final String type;

    public UnstorableResultException(String type, String reason) {
        super("cannot store a value of type " + type + ": " + reason);
        this.type = type;
    }

    public UnstorableResultException(String type, String reason, Throwable cause) {
        super("cannot store a value of type " + type + ": " + reason, cause);
        this.type = type;
    }

    /** The fully qualified name of the type that cannot be stored. */
    public String type() {
        return type;
    }
}
