package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user mistake gets one clear line, a non-zero exit, no stack trace (unless --debug), and a clean store. */
class BadInputIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private JugProcess jug() {
        return new JugProcess(dir, cache);
    }

    @Test
    void aMissingJugfileIsNamed() throws Exception {
        JugProcess.Result r = jug().run("execute", "nothere/Jugfile.java").assertExit(2);
        assertThat(r.err()).contains("nothere/Jugfile.java: no such jugfile");
        assertNoStackTrace(r);
        assertThat(dir.resolve("nothere")).doesNotExist();
    }

    @Test
    void compileErrorsAreReportedAsFileLineColumn() throws Exception {
        JugProcess.jugfile("compile-error", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java").assertExit(2);
        assertThat(r.err()).contains("Jugfile.java:5:21: ';' expected").contains("1 compile error in Jugfile.java");
        assertNoStackTrace(r);
        assertThat(dir.resolve("Jugfile.jugdata")).doesNotExist();
    }

    @Test
    void anExceptionWhileDeclaringTasksNamesTheLine() throws Exception {
        JugProcess.jugfile("define-throws", dir);
        JugProcess.Result r = jug().run("status", "Jugfile.java").assertExit(2);
        assertThat(r.err()).contains("Jugfile.java:11: exception while declaring tasks: "
                + "java.lang.IllegalStateException: no input directory given");
        assertNoStackTrace(r);
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        JugProcess.jugfile("define-throws", dir);
        JugProcess.Result r = jug().run("status", "Jugfile.java", "--debug").assertExit(2);
        assertThat(r.err()).contains("Caused by: java.lang.IllegalStateException").contains("Jugfile.define(Jugfile.java:11)");
    }

    @Test
    void aLambdaTaskIsRefusedWithTheFix() throws Exception {
        JugProcess.jugfile("lambda", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java").assertExit(2);
        assertThat(r.err()).contains("Jugfile.java:7: a task needs a method reference").contains("not a lambda");
        assertNoStackTrace(r);
    }

    @Test
    void anUnhashableArgumentIsNamedWithTheRemedies() throws Exception {
        JugProcess.jugfile("unhashable", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java").assertExit(2);
        assertThat(r.err()).contains("Jugfile.java:9: argument 1 of Jugfile.name has type java.lang.Thread, which has "
                + "no stable hash").contains("CustomHash.of").contains("NoHash.of");
        assertNoStackTrace(r);
    }

    @Test
    void aMismatchedArgumentTypeNamesTaskArgumentAndLine() throws Exception {
        JugProcess.jugfile("type-mismatch", dir);
        JugProcess.Result r = jug().run("status", "Jugfile.java").assertExit(2);
        assertThat(r.err()).contains("Jugfile.java:20: argument 1 of Jugfile.countTrue is List<Task<Integer>>, "
                + "parameter is List<Boolean>");
        assertNoStackTrace(r);
    }

    @Test
    void anUnstorableResultFailsTheTaskAndLeavesNothingBehind() throws Exception {
        JugProcess.jugfile("unstorable", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java").assertExit(1);
        assertThat(r.err()).contains("Jugfile.spawn(\"worker\")").contains("java.lang.Thread")
                .contains("cannot store");
        assertNoStackTrace(r);
        assertThat(storeFiles()).isEmpty();
    }

    @Test
    void aTaskThatThrowsIsNamedWithItsArgumentsAndReleasesItsLock() throws Exception {
        JugProcess.jugfile("task-throws", dir);
        JugProcess.Result r = jug().run("execute", "Jugfile.java", "--keep-going").assertExit(1);
        assertThat(r.err()).contains("Jugfile.inverse(0) threw java.lang.ArithmeticException: / by zero");
        assertNoStackTrace(r);
        // One result, stored in a file of its own or in a pack: count it through the store's listing.
        assertThat(new StoreFiles(dir.resolve("Jugfile.jugdata")).results()).as("the result of inverse(4)").hasSize(1);
        assertThat(storeFiles()).as("no lock or leftover beside the results").isNotEmpty()
                .allMatch(p -> p.toString().contains("/results/"));
        JugProcess.Result status = jug().run("status", "Jugfile.java", "--short").assertExit(0);
        assertThat(status.out()).contains("1 finished").contains("1 ready");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        JugProcess.Result r = jug().run("execute", "--no-such-option").assertExit(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void anUnknownStoreSchemeIsNamed() throws Exception {
        JugProcess.jugfile("task-throws", dir);
        JugProcess.Result r = jug().run("status", "Jugfile.java", "--jugdir", "reddis://127.0.0.1/").assertExit(3);
        assertThat(r.err()).contains("no store for scheme 'reddis' (known: file");
        assertNoStackTrace(r);
    }

    private static void assertNoStackTrace(JugProcess.Result r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(r.out()).doesNotContain("\tat ");
    }

    /** Every file in the store except the format marker. */
    private List<Path> storeFiles() throws IOException {
        Path store = dir.resolve("Jugfile.jugdata");
        if (!Files.exists(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("jugstore")).toList();
        }
    }
}
