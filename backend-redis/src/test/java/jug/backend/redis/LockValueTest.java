package jug.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import jug.core.TaskKey;
import jug.core.store.LeaseOwner;
import jug.core.store.LockRecord;
import org.junit.jupiter.api.Test;

class LockValueTest {
    private static final TaskKey KEY = new TaskKey("0a".repeat(32));
    private static final LeaseOwner OWNER = new LeaseOwner("node7", 4242, Instant.parse("2026-01-02T03:04:05.123456Z"),
            "w1", Duration.ofSeconds(45), "0f1e2d3c/4026531836");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHeldLockReadsBackItsOwnerVersionAndRenewalTime() {
        LockRecord r = LockValue.record(KEY, bytes("L w1.x.1 7 1700000000123 " + LockValue.ownerFields(OWNER)));
        assertThat(r.owner()).contains(OWNER);
        assertThat(r.version()).isEqualTo("L:w1.x.1:7");
        assertThat(r.renewed()).contains(Instant.ofEpochMilli(1700000000123L));
        assertThat(r.isFailed()).isFalse();
    }

    @Test
    void aFailureMarkKeepsItsReasonWithSpaces() {
        LockRecord r = LockValue.record(KEY, bytes("F w1.x.1 7 1700000000123 " + LockValue.ownerFields(OWNER)
                + " Jugfile.f(3) threw java.lang.ArithmeticException: / by zero"));
        assertThat(r.failure()).contains("Jugfile.f(3) threw java.lang.ArithmeticException: / by zero");
        assertThat(r.version()).isEqualTo("F:w1.x.1:7");
        assertThat(r.owner()).contains(OWNER);
    }

    @Test
    void anOwnerInAnUnknownPidSpaceReadsBackAsSuch() {
        LeaseOwner plain = new LeaseOwner("h", 1, Instant.EPOCH, "w");
        assertThat(LockValue.ownerFields(plain)).isEqualTo("h 1 1970-01-01T00:00:00Z w 30000 -");
        assertThat(LockValue.record(KEY, bytes("L t 0 5 " + LockValue.ownerFields(plain))).owner()).contains(plain);
    }

    @Test
    void somethingElseHasNoOwnerAndADigestForAVersion() {
        LockRecord r = LockValue.record(KEY, bytes("locked!"));
        assertThat(r.owner()).isEmpty();
        assertThat(r.version()).startsWith("?").hasSize(41);
        LockRecord damaged = LockValue.record(KEY, bytes("L tok 3 notanumber x"));
        assertThat(damaged.owner()).isEmpty();
        assertThat(damaged.version()).as("the break script reads the same three fields").isEqualTo("L:tok:3");
    }
}
