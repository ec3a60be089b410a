package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import jug.core.JugfileException;
import jug.core.execution.Cleanup;
import jug.core.execution.Cleanup.Part;
import jug.core.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cleanup", description = "Removes results that no task of the jugfile declares, locks of workers "
        + "that are gone, and files left by interrupted writes. Never touches the lock of a live worker, nor a "
        + "result of the jugfile's tasks, so it is safe while workers run.")
final class CleanupCommand implements Callable<Integer> {
    @Mixin
    JugfileOptions jugfile;

    @ArgGroup(exclusive = true)
    Only only = new Only();

    static final class Only {
        @Option(names = "--locks-only", description = "Remove only the locks of workers that are gone (their "
                + "process ended on this host, or they went unrenewed for twice the lease time, "
                + 2 * Session.LEASE_SECONDS + " s); keeps results, failure marks and live locks. Reads no task list.")
        boolean locks;

        @Option(names = "--failed-only", description = "Remove only the failure marks that `execute --keep-failed` "
                + "leaves, so that those tasks run again. Reads no task list.")
        boolean failed;

        @Option(names = "--keep-locks", description = "Leave every lock alone.")
        boolean keepLocks;
    }

    @Option(names = "--dry-run", description = "List what would be removed, and remove nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Remove the results even when none belongs to a task of the jugfile "
            + "(without it, that is taken for a wrong jugfile or wrong arguments, and refused).")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "List each removed item; a result with the task name and "
            + "host stored in it (one read per result).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Set<Part> parts = only.locks ? EnumSet.of(Part.ABANDONED_LOCKS) : only.failed ? EnumSet.of(Part.FAILURE_MARKS)
                : only.keepLocks ? EnumSet.of(Part.ORPHANS, Part.LEFTOVERS)
                : EnumSet.of(Part.ORPHANS, Part.ABANDONED_LOCKS, Part.LEFTOVERS);
        PrintWriter err = spec.commandLine().getErr();
        if (!parts.contains(Part.ORPHANS)) {
            try (Store store = jugfile.openStore()) {
                return clean(store, Cleanup.plan(store, Set.of(), parts, Session.LEASE_TIME));
            }
        }
        try (Session session = jugfile.open(err)) {
            Session.Evaluated evaluated = session.evaluate(false);
            if (!evaluated.complete()) {
                err.println("jug: " + jugfile.jugfile + " stops at a barrier whose tasks are not all finished, so "
                        + "the tasks after it are unknown and their results cannot be told from orphans; nothing was "
                        + "removed. Run `jug execute` until the jugfile runs to its end, or use --locks-only or "
                        + "--failed-only, which need no task list");
                return ExitStatus.TASK_FAILED.code();
            }
            Cleanup plan = Cleanup.plan(session.store(), evaluated.finished(), evaluated.graph().keys(), parts,
                    Session.LEASE_TIME);
            if (!force && plan.storedResults() > 0 && plan.orphans().size() == plan.storedResults()) {
                throw new JugfileException(session.store().describe() + ": none of its " + plan.storedResults()
                        + " results belongs to the " + evaluated.graph().size() + " tasks that " + jugfile.jugfile
                        + " declares with arguments " + session.args() + ", so cleanup would remove them all; "
                        + "check the jugfile and its arguments, and if every task did change, add --force");
            }
            return clean(session.store(), plan);
        }
    }

    private int clean(Store store, Cleanup plan) throws IOException {
        CleanupReport report = new CleanupReport(spec.commandLine().getOut(), store, jugfile.jugfile);
        if (verbose) {
            report.list(plan);
        }
        if (dryRun) {
            report.planned(plan);
        } else {
            report.done(plan, plan.apply(store));
        }
        return ExitStatus.OK.code();
    }
}
