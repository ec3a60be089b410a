package jug.core;

/**
 * Thrown by {@link Jug#barrier()} and {@link Jug#value(Task)} when the results they need are not stored yet: it
 * ends the jugfile's {@code define} early, leaving the tasks declared so far. {@code jug execute} runs those and
 * evaluates the jugfile again. Do not catch it in a jugfile.
 */
public final class BarrierReached extends RuntimeException {
    BarrierReached(String message) {
        super(message, null, false, false);
    }
}
