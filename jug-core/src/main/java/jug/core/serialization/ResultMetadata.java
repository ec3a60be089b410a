package jug.core.serialization;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who computed a stored result, when and how long it took; kept in the entry beside the value so that
 * {@code jug show} and {@code jug status} can report it without running anything.
 */
public record ResultMetadata(String taskName, String host, long pid, Instant started, Duration duration) {
    public ResultMetadata {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
    }
}
