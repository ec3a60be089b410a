package jug.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import jug.core.TaskKey;
import org.junit.jupiter.api.Test;

class LeaseTest {
    private static final TaskKey KEY = new TaskKey("ab".repeat(32));
    private static final TaskKey OTHER = new TaskKey("cd".repeat(32));
    private static final LeaseOwner OWNER = new LeaseOwner("node1", 42, Instant.ofEpochMilli(1), "w1");

    @Test
    void leasesAreEqualOnlyWithTheSameKeyOwnerAndTokenAndEqualOnesHashAlike() {
        Lease lease = new Lease(KEY, OWNER, "t1");
        Lease same = new Lease(KEY, new LeaseOwner("node1", 42, Instant.ofEpochMilli(1), "w1"), "t1");
        assertThat(same).isEqualTo(lease).hasSameHashCodeAs(lease);
        assertThat(new Lease(KEY, OWNER, "t2")).isNotEqualTo(lease);
        assertThat(new Lease(OTHER, OWNER, "t1")).isNotEqualTo(lease);
        assertThat(new Lease(KEY, new LeaseOwner("node2", 42, Instant.ofEpochMilli(1), "w1", Duration.ofSeconds(30), ""),
                "t1")).isNotEqualTo(lease);
    }

    @Test
    void aTokenWithSpacesOrNewlinesIsRefused() {
        for (String bad : new String[] {"", " ", "a b", "a\nb"}) {
            assertThatThrownBy(() -> new Lease(KEY, OWNER, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
