package jug.cli;

import java.util.ArrayList;
import java.util.List;
import jug.core.Task;
import jug.core.execution.GraphState;
import jug.core.execution.TaskState;

/** Describes the failed tasks of a graph for messages: how many, and the first few with their reasons. */
final class FailureMarks {
    private FailureMarks() {
    }

    static String describe(GraphState state) {
        List<String> examples = new ArrayList<>();
        int failed = 0;
        for (Task<?> t : state.graph().tasks()) {
            if (state.state(t) != TaskState.FAILED) {
                continue;
            }
            failed++;
            if (examples.size() < 3) {
                examples.add(t.name() + "@" + t.key().shortHex() + " ("
                        + state.lock(t.key()).flatMap(l -> l.failure()).orElse("no reason recorded") + ")");
            }
        }
        return failed + " task" + (failed == 1 ? " is" : "s are") + " marked failed: " + String.join("; ", examples)
                + (failed > examples.size() ? "; ..." : "");
    }
}
