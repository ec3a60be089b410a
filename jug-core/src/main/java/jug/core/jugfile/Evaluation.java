package jug.core.jugfile;

import jug.core.Jug;
import jug.core.graph.TaskGraph;

/**
 * One run of a jugfile's {@code define}: the tasks it declared and whether it got to the end, or stopped at a
 * barrier whose tasks were not finished (then more tasks may follow once they are).
 */
public record Evaluation(Jug jug, TaskGraph graph, boolean complete) {
}
