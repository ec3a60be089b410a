package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ScenariosIT}, Python jug's acceptance scenarios, on a Redis store. The one scenario that counts lock files is
 * restated with the lock index on the server.
 */
class RedisScenariosIT extends ScenariosIT {
    @RegisterExtension
    static final SharedRedisServer redis = new SharedRedisServer();
    private static int projects;
    private String prefix;

    @BeforeEach
    void useRedis() throws Exception {
        prefix = "scenario-" + ++projects;
        redis.useIn(dir, "prefix=" + prefix);
    }

    @Override
    @Test
    void keepGoingAndKeepFailedLeaveFailureMarksAndWaitingTasks() throws Exception {
        JugProcess.jugfile("failing", dir);
        JugProcess jug = new JugProcess(dir, cache);
        JugProcess.Result r = jug.run("execute", "Jugfile.java", "--keep-going", "--keep-failed").assertExit(1);
        assertThat(r.err()).contains("Jugfile.someFail(2) threw java.lang.IllegalArgumentException: bad 2")
                .contains("6 unfinished tasks cannot run: 3 failed and 3 need a task that failed");
        long results = redis.server().with(j -> j.scard("jug:" + prefix + ":results"));
        long marks = redis.server().with(j -> j.zcard("jug:" + prefix + ":locks"));
        assertThat(results).isEqualTo(14);
        assertThat(marks).isEqualTo(3);
        String status = jug.run("status", "Jugfile.java").assertExit(0).out();
        assertThat(status).containsPattern("3\\s+0\\s+0\\s+7\\s+0\\s+Jugfile.plus1")
                .containsPattern("0\\s+0\\s+0\\s+7\\s+3\\s+Jugfile.someFail");
        JugProcess.Result again = jug.run("execute", "Jugfile.java").assertExit(1);
        assertThat(ExactlyOnceIT.totalExecuted(again.out())).as("failed tasks are not retried").isZero();
    }
}
