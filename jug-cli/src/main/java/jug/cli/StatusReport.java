package jug.cli;

import java.time.Duration;
import java.util.Map;
import jug.core.execution.ComputeTimes;
import jug.core.execution.TaskCounts;

/** The forms {@code jug status} prints its counts in: table, one line, JSON, and the compute-time table. */
final class StatusReport {
    private StatusReport() {
    }

    static String table(TaskCounts counts) {
        Table table = new Table("Waiting", "Ready", "Running", "Finished", "Failed");
        for (Map.Entry<String, TaskCounts.Counts> e : counts.perName().entrySet()) {
            TaskCounts.Counts c = e.getValue();
            table.row(e.getKey(), c.waiting(), c.ready(), c.running(), c.finished(), c.failed());
        }
        return table.render();
    }

    static String summary(TaskCounts counts) {
        TaskCounts.Counts t = counts.total();
        if (t.total() > 0 && t.finished() == t.total()) {
            return "All tasks finished (" + t.total() + " tasks).\n";
        }
        return t.total() + " tasks: " + t.waiting() + " waiting, " + t.ready() + " ready, " + t.running() + " running, "
                + t.finished() + " finished, " + t.failed() + " failed.\n";
    }

    /** Compute time per name, in milliseconds, of the finished tasks whose metadata could be read. */
    static String times(Map<String, ComputeTimes.Times> times) {
        Table table = new Table("Timed", "Total ms", "Mean ms", "Max ms");
        int tasks = 0;
        Duration total = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (Map.Entry<String, ComputeTimes.Times> e : times.entrySet()) {
            ComputeTimes.Times t = e.getValue();
            table.row(e.getKey(), t.tasks(), t.total().toMillis(), t.mean().toMillis(), t.longest().toMillis());
            tasks += t.tasks();
            total = total.plus(t.total());
            longest = t.longest().compareTo(longest) > 0 ? t.longest() : longest;
        }
        long mean = tasks == 0 ? 0 : total.dividedBy(tasks).toMillis();
        return "\n" + table.total(tasks, total.toMillis(), mean, longest.toMillis()).render();
    }

    /** One JSON object; {@code times} is null unless asked for. */
    static String json(TaskCounts counts, boolean complete, Map<String, ComputeTimes.Times> times) {
        Json json = new Json().begin();
        TaskCounts.Counts total = counts.total();
        json.field("allFinished", complete && total.finished() == total.total())
                .field("barrierReached", !complete)
                .field("staleLocks", counts.stale());
        counts(json.begin("total"), total, times == null ? null : times.values().stream()
                .map(ComputeTimes.Times::total).reduce(Duration.ZERO, Duration::plus)).end();
        json.begin("names");
        for (Map.Entry<String, TaskCounts.Counts> e : counts.perName().entrySet()) {
            ComputeTimes.Times t = times == null ? null : times.get(e.getKey());
            Duration seconds = times == null ? null : t == null ? Duration.ZERO : t.total();
            counts(json.begin(e.getKey()), e.getValue(), seconds).end();
        }
        return json.end().end().toString();
    }

    private static Json counts(Json json, TaskCounts.Counts c, Duration computed) {
        json.field("tasks", c.total()).field("waiting", c.waiting()).field("ready", c.ready())
                .field("running", c.running()).field("finished", c.finished()).field("failed", c.failed());
        if (computed != null) {
            json.field("computeSeconds", computed.toNanos() / 1e9);
        }
        return json;
    }
}
