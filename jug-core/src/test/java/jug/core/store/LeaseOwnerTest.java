package jug.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseOwnerTest {
    @Test
    void thisProcessIsAlive() {
        assertThat(LeaseOwner.newWorker().isKnownDead()).isFalse();
    }

    @Test
    void aGonePidInThisPidSpaceIsDead() {
        LeaseOwner me = LeaseOwner.newWorker();
        LeaseOwner gone = new LeaseOwner(me.host(), Long.MAX_VALUE - 1, Instant.ofEpochMilli(1), "w", Duration.ofSeconds(30),
                me.space());
        assertThat(gone.isKnownDead()).isTrue();
    }

    @Test
    void aReusedPidIsDead() {
        LeaseOwner me = LeaseOwner.newWorker();
        LeaseOwner earlier = new LeaseOwner(me.host(), me.pid(), me.processStart().minusSeconds(3600), "w",
                Duration.ofSeconds(30), me.space());
        assertThat(earlier.isKnownDead()).isTrue();
    }

    @Test
    void anOwnerInAnotherPidSpaceWithTheSameHostNameIsNeverJudgedByItsPid() {
        LeaseOwner me = LeaseOwner.newWorker();
        LeaseOwner container = new LeaseOwner(me.host(), Long.MAX_VALUE - 1, Instant.ofEpochMilli(1), "w",
                Duration.ofSeconds(30), "another-boot/4026531999");
        assertThat(container.isKnownDead()).isFalse();
    }

    @Test
    void anOwnerOnAnotherHostIsNeverKnownDead() {
        LeaseOwner remote = new LeaseOwner("elsewhere", Long.MAX_VALUE - 1, Instant.ofEpochMilli(1), "w");
        assertThat(remote.isKnownDead()).isFalse();
    }

    @Test
    void theHostNameComesFromTheKernelNotTheEnvironment() throws Exception {
        String kernel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
        assertThat(LeaseOwner.localHost()).isEqualTo(kernel);
    }
}
