package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import jug.core.TaskKey;
import jug.core.execution.Cleanup;
import jug.core.execution.ComputeTimes;
import jug.core.serialization.ResultMetadata;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/** What {@code jug cleanup} prints: one line per kind of item, removed (or, in a dry run, to remove) and kept. */
final class CleanupReport {
    private final PrintWriter out;
    private final Store store;
    private final String jugfile;

    CleanupReport(PrintWriter out, Store store, String jugfile) {
        this.out = out;
        this.store = store;
        this.jugfile = jugfile;
    }

    /** Every item the plan removes, one per line. */
    void list(Cleanup plan) throws IOException {
        for (TaskKey key : plan.orphans()) {
            Optional<ResultMetadata> m = ComputeTimes.metadata(store, key);
            out.println("  result " + key.shortHex() + m.map(md -> " (" + md.taskName() + ", computed on " + md.host()
                    + ":" + md.pid() + ")").orElse(""));
        }
        for (LockRecord lock : plan.abandonedLocks()) {
            out.println("  lock " + lock.key().shortHex() + " of " + owner(lock) + ", which is gone");
        }
        for (LockRecord lock : plan.failureMarks()) {
            out.println("  failure mark " + lock.key().shortHex() + ": " + lock.failure().orElse(""));
        }
    }

    void planned(Cleanup plan) {
        counts("Would remove", plan, plan.orphans().size(), plan.abandonedLocks().size(), plan.failureMarks().size());
        out.println("Dry run: nothing was removed (files left by interrupted writes are not counted).");
        kept(plan);
    }

    void done(Cleanup plan, Cleanup.Report report) {
        counts("Removed", plan, report.results(), report.locks(), report.failureMarks());
        if (report.leftovers() > 0) {
            out.println("Removed " + plural(report.leftovers(), "file") + " left by interrupted writes.");
        }
        if (report.total() == 0) {
            out.println("Nothing to clean up.");
        }
        kept(plan);
    }

    private void counts(String verb, Cleanup plan, int results, int locks, int marks) {
        if (results > 0) {
            out.println(verb + " " + plural(results, "result") + " that no task of " + jugfile + " declares.");
        }
        if (locks > 0) {
            out.println(verb + " " + plural(locks, "lock") + " of workers that are gone.");
        }
        if (marks > 0) {
            out.println(verb + " " + plural(marks, "failure mark") + ".");
        }
    }

    private void kept(Cleanup plan) {
        if (!plan.liveLocks().isEmpty()) {
            out.println("Kept " + plural(plan.liveLocks().size(), "lock") + " of live workers.");
        }
        if (!plan.keptFailureMarks().isEmpty()) {
            out.println("Kept " + plural(plan.keptFailureMarks().size(), "failure mark")
                    + " (`jug cleanup --failed-only` removes them, so those tasks run again).");
        }
        out.flush();
    }

    private static String owner(LockRecord lock) {
        return lock.owner().map(o -> o.describe()).orElse("an unknown worker");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
