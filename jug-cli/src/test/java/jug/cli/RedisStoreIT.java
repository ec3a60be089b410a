package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jug.backend.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Real jug processes on a real redis-server: the faults the Redis store must survive or report (a restart in the
 * middle of a run, a server gone for good, a wrong password, a full server), and pipelines sharing one server.
 */
class RedisStoreIT {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @TempDir
    Path serverDir;

    private RedisServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private JugProcess jug(Path workDir) {
        return new JugProcess(workDir, cache);
    }

    @Test
    void aServerRestartedInTheMiddleOfAThreeWorkerRunLosesNothingAndRunsNothingTwice() throws Exception {
        server = RedisServer.start(serverDir, "--appendonly", "yes");
        JugProcess.jugfile("sidelog", dir);
        Path log = dir.resolve("side.log");
        String jugdir = server.url("prefix=restart");
        JugProcess jug = jug(dir);
        String[] args = {"--jugdir", jugdir, "--", "1000", log.toString()};
        List<JugProcess.Running> workers = startThreeWorkers(jug, args, log);
        server.restart();
        int linesAtRestart = Files.readAllLines(log).size();
        int executed = 0;
        for (JugProcess.Running r : workers) {
            executed += ExactlyOnceIT.totalExecuted(jug.finish(r).assertExit(0).out());
        }
        assertThat(linesAtRestart).as("the restart came in the middle of the run").isLessThan(1001);
        Map<String, Long> runs = Files.readAllLines(log).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(runs).hasSize(1001);
        assertThat(runs.values()).as("no task ran twice").allMatch(n -> n == 1);
        assertThat(executed).isEqualTo(1001);
        assertThat(jug.run(JugProcess.prepend(args, "status", "Jugfile.java", "--short")).assertExit(0).out())
                .contains("All tasks finished (1001 tasks)");
        assertThat(number(j -> j.scard("jug:restart:results"))).as("nothing lost").isEqualTo(1001L);
    }

    @Test
    void aServerGoneForGoodStopsEveryWorkerWithAClearMessageWithinTheRetryTime() throws Exception {
        server = RedisServer.start(serverDir);
        JugProcess.jugfile("sidelog", dir);
        Path log = dir.resolve("side.log");
        String jugdir = server.url("prefix=gone&retry=3");
        JugProcess jug = jug(dir);
        String[] args = {"--jugdir", jugdir, "--", "20000", log.toString()};
        List<JugProcess.Running> workers = startThreeWorkers(jug, args, log);
        server.stop();
        long t0 = System.nanoTime();
        for (JugProcess.Running r : workers) {
            JugProcess.Result result = jug.finish(r).assertExit(3);
            assertThat(result.err().lines().filter(l -> l.startsWith("jug: ") && !l.contains("tasks done")))
                    .singleElement().asString()
                    .contains("127.0.0.1:" + server.port() + " has not answered for 3 s (Connection refused)")
                    .contains("is it running?");
            assertThat(result.err()).doesNotContain("\tat ");
        }
        assertThat((System.nanoTime() - t0) / 1e9).as("within the retry time (and a JVM's exit)").isLessThan(3 + 10);
    }

    @Test
    void aWrongPasswordOrAnUnreachableServerIsOneLineNamingHostAndPort() throws Exception {
        server = RedisServer.start(serverDir, "--requirepass", "right-one");
        JugProcess.jugfile("simple", dir);
        String jugdir = server.url("prefix=pw");
        JugProcess.Result wrong = jug(dir).env("JUG_REDIS_PASSWORD", "wrong-one").run("status", "Jugfile.java",
                "--jugdir", jugdir).assertExit(3);
        assertThat(wrong.err()).isEqualTo("jug: redis://127.0.0.1:" + server.port() + "/0: the server refused the "
                + "password from JUG_REDIS_PASSWORD for the default user; check the password and the user name\n");
        JugProcess.Result none = jug(dir).run("execute", "Jugfile.java", "--jugdir", jugdir).assertExit(3);
        assertThat(none.err()).contains("\njug: redis://127.0.0.1:" + server.port() + "/0: the server requires a "
                + "password;").doesNotContain("\tat ");
        JugProcess.Result right = jug(dir).env("JUG_REDIS_PASSWORD", "right-one").run("execute", "Jugfile.java",
                "--jugdir", jugdir).assertExit(0);
        assertThat(right.out() + right.err()).doesNotContain("right-one");
        JugProcess.Result unreachable = jug(dir).run("status", "Jugfile.java", "--jugdir", "redis://127.0.0.1:1/")
                .assertExit(3);
        assertThat(unreachable.err()).isEqualTo("jug: redis://127.0.0.1:1/0: cannot connect to 127.0.0.1:1 "
                + "(Connection refused); check the host and port, and that redis-server is running\n");
        JugProcess.Result inUrl = jug(dir).run("status", "Jugfile.java", "--jugdir",
                "redis://:not-it@127.0.0.1:" + server.port() + "/").assertExit(3);
        assertThat(inUrl.err()).contains("refused the password from the URL").doesNotContain("not-it");
    }

    @Test
    void aResultTheServerCannotStoreIsNeverCountedAsDone() throws Exception {
        server = RedisServer.start(serverDir, "--maxmemory-policy", "noeviction");
        long used = server.with(j -> Long.parseLong(j.info("memory").replaceAll("(?s).*used_memory:(\\d+).*", "$1")));
        server.with(j -> j.configSet("maxmemory", Long.toString(used + 1024 * 1024)));
        JugProcess.jugfile("big-results", dir);
        Path log = dir.resolve("side.log");
        String[] args = {"--jugdir", server.url("prefix=full"), "--", "12", log.toString()};
        JugProcess jug = jug(dir);
        JugProcess.Result full = jug.run(JugProcess.prepend(args, "execute", "Jugfile.java")).assertExit(3);
        assertThat(full.err()).contains("the server is out of memory (OOM").doesNotContain("\tat ");
        String status = jug.run(JugProcess.prepend(args, "status", "Jugfile.java", "--short")).assertExit(0).out();
        long stored = server.with(j -> j.scard("jug:full:results"));
        assertThat(stored).isBetween(1L, 11L);
        assertThat(status).startsWith("12 tasks: 0 waiting, " + (12 - stored) + " ready, 0 running, " + stored
                + " finished");
        server.with(j -> j.configSet("maxmemory", "0"));
        JugProcess.Result rest = jug.run(JugProcess.prepend(args, "execute", "Jugfile.java")).assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(rest.out())).isEqualTo(12 - (int) stored);
        assertThat(jug.run(JugProcess.prepend(args, "status", "Jugfile.java", "--short")).assertExit(0).out())
                .contains("All tasks finished (12 tasks)");
    }

    @Test
    void twoPipelinesOnOneServerKeepTheirResultsApartEvenForTheSameTasks() throws Exception {
        server = RedisServer.start(serverDir);
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        JugProcess.jugfile("simple", a);
        JugProcess.jugfile("simple", b);
        String jugdir = server.url("");
        JugProcess.Result first = jug(a).run("execute", "Jugfile.java", "--jugdir", jugdir).assertExit(0);
        int tasks = ExactlyOnceIT.totalExecuted(first.out());
        JugProcess.Result second = jug(b).run("execute", "Jugfile.java", "--jugdir", jugdir).assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(second.out())).as("the same tasks, another namespace").isEqualTo(tasks);
        List<String> indexes = server.with(j -> new ArrayList<>(j.keys("jug:*:results")));
        assertThat(indexes).hasSize(2).allMatch(k -> k.matches("jug:(a|b)-[0-9a-f]{12}:results"));
        for (String index : indexes) {
            assertThat(number(j -> j.scard(index))).isEqualTo((long) tasks);
        }
    }

    @Test
    void cleanupInOnePipelineLeavesAnotherPipelinesResultsAlone() throws Exception {
        Assumptions.assumeTrue(jug(dir).run("help").out().contains("cleanup"),
                "jug cleanup does not exist yet: the namespace guarantee is tested at the store level");
        server = RedisServer.start(serverDir);
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        JugProcess.jugfile("shapes", a);
        JugProcess.jugfile("shapes", b);
        String jugdir = server.url("");
        jug(a).run("execute", "Jugfile.java", "--jugdir", jugdir, "--", "independent", "20").assertExit(0);
        jug(b).run("execute", "Jugfile.java", "--jugdir", jugdir, "--", "independent", "20").assertExit(0);
        jug(a).run("cleanup", "Jugfile.java", "--jugdir", jugdir, "--", "independent", "10").assertExit(0);
        assertThat(jug(a).run("status", "Jugfile.java", "--jugdir", jugdir, "--short", "--", "independent", "20")
                .assertExit(0).out()).as("cleanup removed a's results of tasks it no longer declares")
                .startsWith("20 tasks: 0 waiting, 10 ready");
        assertThat(jug(b).run("status", "Jugfile.java", "--jugdir", jugdir, "--short", "--", "independent", "20")
                .assertExit(0).out()).as("b keeps every result, although its tasks are the same as a's")
                .contains("All tasks finished (20 tasks)");
    }

    @Test
    void failureMarksLiveOnTheServerAndStatusCountsThem() throws Exception {
        server = RedisServer.start(serverDir);
        JugProcess.jugfile("failing", dir);
        String jugdir = server.url("prefix=failing");
        JugProcess.Result r = jug(dir).run("execute", "Jugfile.java", "--jugdir", jugdir, "--keep-going",
                "--keep-failed").assertExit(1);
        assertThat(r.err()).contains("6 unfinished tasks cannot run: 3 failed and 3 need a task that failed");
        assertThat(number(j -> j.scard("jug:failing:results"))).isEqualTo(14L);
        assertThat(number(j -> j.zcard("jug:failing:locks"))).isEqualTo(3L);
        assertThat(number(j -> j.ttl("jug:failing:lock:" + j.zrange("jug:failing:locks", 0, 0).get(0))))
                .as("a failure mark never expires").isEqualTo(-1L);
        String status = jug(dir).run("status", "Jugfile.java", "--jugdir", jugdir).assertExit(0).out();
        assertThat(status).containsPattern("3\\s+0\\s+0\\s+7\\s+0\\s+Jugfile.plus1")
                .containsPattern("0\\s+0\\s+0\\s+7\\s+3\\s+Jugfile.someFail");
        JugProcess.Result again = jug(dir).run("execute", "Jugfile.java", "--jugdir", jugdir).assertExit(1);
        assertThat(ExactlyOnceIT.totalExecuted(again.out())).as("failed tasks are not retried").isZero();
    }

    @Test
    void aStoppedWorkerGivesItsLocksBackAndBarriersWork() throws Exception {
        server = RedisServer.start(serverDir);
        JugProcess.jugfile("deep-barrier", dir);
        String jugdir = server.url("prefix=barrier");
        JugProcess.Result r = jug(dir).run("execute", "Jugfile.java", "--jugdir", jugdir).assertExit(0);
        assertThat(ExactlyOnceIT.totalExecuted(r.out())).isEqualTo(2049);
        assertThat(number(j -> j.zcard("jug:barrier:locks"))).isZero();
        assertThat(number(j -> (long) j.keys("jug:barrier:lock:*").size())).isZero();
    }

    @Test
    void aDamagedResultIsReportedRemovedAndComputedAgain() throws Exception {
        server = RedisServer.start(serverDir);
        JugProcess.jugfile("chain", dir);
        Path log = dir.resolve("side.log");
        String[] args = {"--jugdir", server.url("prefix=damaged"), "--", log.toString()};
        JugProcess jug = jug(dir);
        jug.run(JugProcess.prepend(args, "execute", "Jugfile.java")).assertExit(0);
        assertThat(Files.readAllLines(log)).contains("sum 285.0").hasSize(11);
        List<byte[]> keys = server.with(j -> new ArrayList<>(j.keys("jug:damaged:result:*".getBytes())));
        byte[] sum = keys.stream().filter(k -> new String(server.with(j -> j.get(k)), java.nio.charset.StandardCharsets
                .ISO_8859_1).contains("Jugfile.sum")).findFirst().orElseThrow();
        byte[] victim = keys.stream().filter(k -> !java.util.Arrays.equals(k, sum)).findFirst().orElseThrow();
        byte[] entry = server.with(j -> j.get(victim));
        entry[entry.length / 2] ^= 0x10;
        server.with(j -> j.set(victim, entry));
        server.with(j -> j.del(sum)); // deleted behind jug's back: still listed, but the worker checks
        JugProcess.Result rerun = jug.run(JugProcess.prepend(args, "execute", "Jugfile.java")).assertExit(0);
        String victimHex = new String(victim).substring("jug:damaged:result:".length());
        assertThat(rerun.err()).contains("redis://127.0.0.1:" + server.port() + "/0?prefix=damaged: result "
                + victimHex).contains("is corrupt").contains("computed again");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(13).endsWith("sum 285.0");
        assertThat(jug.run(JugProcess.prepend(args, "status", "Jugfile.java", "--short")).assertExit(0).out())
                .contains("All tasks finished (11 tasks)");
    }

    @Test
    void sigtermLeavesNoLockOnTheServer() throws Exception {
        server = RedisServer.start(serverDir);
        JugProcess.jugfile("long-task", dir);
        Path log = dir.resolve("side.log");
        String[] args = {"--jugdir", server.url("prefix=term"), "--", log.toString(), "60"};
        JugProcess jug = jug(dir);
        jug.run(JugProcess.prepend(args, "status", "Jugfile.java")).assertExit(0);
        JugProcess.Running worker = jug.start(JugProcess.prepend(args, "execute", "Jugfile.java"));
        waitForLines(log, 1, Duration.ofSeconds(60));
        assertThat(number(j -> j.zcard("jug:term:locks"))).isEqualTo(1L);
        worker.process().destroy();
        worker.process().waitFor();
        assertThat(number(j -> j.zcard("jug:term:locks"))).isZero();
        assertThat(number(j -> (long) j.keys("jug:term:lock:*").size())).isZero();
        assertThat(jug.run(JugProcess.prepend(args, "status", "Jugfile.java", "--short")).assertExit(0).out())
                .startsWith("5 tasks: 4 waiting, 1 ready, 0 running");
    }

    /** Compiles the jugfile once, starts three workers on it and returns once they have logged 100 tasks. */
    private static List<JugProcess.Running> startThreeWorkers(JugProcess jug, String[] args, Path log) throws Exception {
        jug.run(JugProcess.prepend(args, "status", "Jugfile.java")).assertExit(0);
        List<JugProcess.Running> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(jug.start(JugProcess.prepend(args, "execute", "Jugfile.java")));
        }
        waitForLines(log, 100, Duration.ofSeconds(60));
        return workers;
    }

    private long number(Function<Jedis, Long> query) {
        return server.with(query);
    }

    private static void waitForLines(Path log, int lines, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).size() >= lines) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(log + " has fewer than " + lines + " lines after " + timeout);
    }
}
