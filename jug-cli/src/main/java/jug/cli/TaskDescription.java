package jug.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.execution.ComputeTimes;
import jug.core.execution.GraphState;
import jug.core.execution.TaskState;
import jug.core.serialization.ResultMetadata;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/** What {@code jug show} prints about one task: a few labelled lines. */
final class TaskDescription {
    private static final int LISTED = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final GraphState state;
    private final Store store;
    private final Map<TaskKey, List<Task<?>>> dependents = new HashMap<>();

    TaskDescription(GraphState state, Store store) {
        this.state = state;
        this.store = store;
        for (Task<?> t : state.graph().tasks()) {
            for (Task<?> d : t.dependencies()) {
                dependents.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(t);
            }
        }
    }

    String describe(Task<?> task) throws IOException {
        StringBuilder s = new StringBuilder(task.name()).append('@').append(task.key().shortHex()).append('\n');
        TaskState st = state.state(task);
        line(s, "key", task.key().hex());
        line(s, "state", st.label() + lockDetail(task, st));
        line(s, "inputs", list(task.dependencies(), true));
        line(s, "needed by", list(dependents.getOrDefault(task.key(), List.of()), false));
        if (st == TaskState.FINISHED) {
            Optional<ResultMetadata> m = ComputeTimes.metadata(store, task.key());
            line(s, "computed", m.map(md -> "on " + md.host() + ":" + md.pid() + ", started "
                    + WHEN.format(md.started()) + ", took " + format(md.duration()))
                    .orElse("(the stored result is gone or unreadable)"));
        }
        return s.toString();
    }

    private String lockDetail(Task<?> task, TaskState st) {
        Optional<LockRecord> lock = state.lock(task.key());
        if (lock.isEmpty() || st == TaskState.FINISHED) {
            return "";
        }
        String who = lock.get().owner().map(o -> o.describe()).orElse("an unknown worker");
        if (st == TaskState.FAILED) {
            return " on " + who + ": " + lock.get().failure().orElse("") + "\n             (`jug cleanup "
                    + "--failed-only` removes the mark, so that it runs again)";
        }
        String renewed = lock.get().renewed().map(r -> ", renewed " + format(Duration.between(r, Instant.now()))
                + " ago").orElse("");
        return st == TaskState.RUNNING ? " by " + who + renewed
                : " (its lock, held by " + who + renewed + ", is abandoned: the next worker takes it over)";
    }

    private String list(List<Task<?>> tasks, boolean withState) {
        if (tasks.isEmpty()) {
            return "none";
        }
        List<String> items = new ArrayList<>();
        for (Task<?> t : tasks.subList(0, Math.min(LISTED, tasks.size()))) {
            items.add(t.name() + "@" + t.key().shortHex() + (withState ? " (" + state.state(t).label() + ")" : ""));
        }
        String more = "";
        if (tasks.size() > LISTED) {
            long finished = tasks.stream().filter(t -> state.state(t) == TaskState.FINISHED).count();
            more = ", and " + (tasks.size() - LISTED) + " more (" + tasks.size() + " in all, " + finished
                    + " finished)";
        }
        return String.join(", ", items) + more;
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(label).append(" ".repeat(Math.max(1, 11 - label.length()))).append(value).append('\n');
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1) {
            return String.format("%.3f ms", d.toNanos() / 1e6);
        }
        if (ms < 10_000) {
            return ms + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return String.format("%.1f s", ms / 1000.0);
        }
        return s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
