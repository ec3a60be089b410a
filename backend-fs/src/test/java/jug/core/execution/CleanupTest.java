package jug.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import jug.core.TaskKey;
import jug.core.execution.Cleanup.Part;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.LockRecord;
import jug.core.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup against a real FileStore, with other workers' locks in it. */
class CleanupTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Set<Part> DEFAULT = EnumSet.of(Part.ORPHANS, Part.ABANDONED_LOCKS, Part.LEFTOVERS);

    @TempDir
    Path dir;

    private Store store;
    private final TaskKey owned = key("owned");
    private final TaskKey orphan = key("orphan");

    @BeforeEach
    void open() throws IOException {
        store = Store.open(root().toString());
        store.write(owned, new byte[] {1});
        store.write(orphan, new byte[] {2});
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Test
    void removesResultsThatNoDeclaredTaskOwns() throws IOException {
        Cleanup plan = Cleanup.plan(store, Set.of(owned), DEFAULT, LEASE);
        assertThat(plan.storedResults()).isEqualTo(2);
        assertThat(plan.orphans()).containsExactly(orphan);
        assertThat(plan.apply(store).results()).isEqualTo(1);
        assertThat(store.keys()).containsExactly(owned);
    }

    @Test
    void resultsWrittenAfterTheListingStayWhoeverOwnsThem() throws IOException {
        Cleanup plan = Cleanup.plan(store, Set.of(owned, key("later")), DEFAULT, LEASE);
        store.write(key("later"), new byte[] {3});
        store.write(key("unknown"), new byte[] {4});
        plan.apply(store);
        assertThat(store.keys()).containsExactlyInAnyOrder(owned, key("later"), key("unknown"));
    }

    @Test
    void packedOrphansGoAndPackedResultsOfDeclaredTasksStay() throws IOException {
        store.writeAll(java.util.Map.of(key("p1"), new byte[] {1}, key("p2"), new byte[] {2}, key("p3"), new byte[] {3}));
        Cleanup plan = Cleanup.plan(store, Set.of(owned, key("p2")), DEFAULT, LEASE);
        assertThat(plan.orphans()).containsExactlyInAnyOrder(orphan, key("p1"), key("p3"));
        assertThat(plan.apply(store).results()).isEqualTo(3);
        assertThat(store.keys()).containsExactlyInAnyOrder(owned, key("p2"));
        assertThat(store.read(key("p2"))).hasValueSatisfying(b -> assertThat(b).containsExactly(2));
    }

    @Test
    void removesLocksOfDeadWorkersAndKeepsLiveOnes() throws IOException {
        LeaseOwner dead = new LeaseOwner(LeaseOwner.localHost(), Long.MAX_VALUE, Instant.ofEpochMilli(1), "dead");
        store.tryLease(key("a"), dead).orElseThrow();
        store.tryLease(key("b"), LeaseOwner.newWorker()).orElseThrow();
        Cleanup plan = Cleanup.plan(store, Set.of(owned), EnumSet.of(Part.ABANDONED_LOCKS), LEASE);
        assertThat(plan.abandonedLocks()).extracting(LockRecord::key).containsExactly(key("a"));
        assertThat(plan.liveLocks()).extracting(LockRecord::key).containsExactly(key("b"));
        assertThat(plan.orphans()).isEmpty();
        assertThat(plan.apply(store).locks()).isEqualTo(1);
        assertThat(store.locks()).extracting(LockRecord::key).containsExactly(key("b"));
        assertThat(store.keys()).contains(orphan);
    }

    @Test
    void aLockOfAnotherHostIsAbandonedOnlyAfterTwiceTheLeaseWithoutRenewal() throws IOException {
        LeaseOwner remote = new LeaseOwner("elsewhere", 1, Instant.ofEpochMilli(1), "remote");
        store.tryLease(key("a"), remote).orElseThrow();
        assertThat(Cleanup.plan(store, Set.of(), EnumSet.of(Part.ABANDONED_LOCKS), LEASE).abandonedLocks()).isEmpty();
        age(lockFile(key("a")), Duration.ofSeconds(61));
        assertThat(Cleanup.plan(store, Set.of(), EnumSet.of(Part.ABANDONED_LOCKS), LEASE).abandonedLocks()).hasSize(1);
    }

    @Test
    void aLockRenewedAfterTheListingStays() throws IOException {
        LeaseOwner remote = new LeaseOwner("elsewhere", 1, Instant.ofEpochMilli(1), "remote");
        Lease lease = store.tryLease(key("a"), remote).orElseThrow();
        age(lockFile(key("a")), Duration.ofMinutes(5));
        Cleanup plan = Cleanup.plan(store, Set.of(), EnumSet.of(Part.ABANDONED_LOCKS), LEASE);
        assertThat(store.renew(lease)).isTrue();
        assertThat(plan.apply(store).locks()).isZero();
        assertThat(store.locks()).hasSize(1);
    }

    @Test
    void failureMarksOfDeclaredTasksStayUnlessAskedFor() throws IOException {
        LeaseOwner me = LeaseOwner.newWorker();
        store.fail(store.tryLease(key("declared"), me).orElseThrow(), "boom");
        store.fail(store.tryLease(key("gone"), me).orElseThrow(), "boom");
        Set<TaskKey> declared = Set.of(owned, key("declared"));
        Cleanup byDefault = Cleanup.plan(store, declared, DEFAULT, LEASE);
        assertThat(byDefault.failureMarks()).extracting(LockRecord::key).containsExactly(key("gone"));
        assertThat(byDefault.keptFailureMarks()).extracting(LockRecord::key).containsExactly(key("declared"));
        assertThat(byDefault.apply(store).failureMarks()).isEqualTo(1);
        Cleanup failedOnly = Cleanup.plan(store, Set.of(), EnumSet.of(Part.FAILURE_MARKS), LEASE);
        assertThat(failedOnly.apply(store).failureMarks()).isEqualTo(1);
        assertThat(store.locks()).isEmpty();
        assertThat(store.keys()).containsExactly(owned);
    }

    @Test
    void removesOldLeftoversOfInterruptedWrites() throws IOException {
        Path partial = root().resolve("tmp/" + orphan.hex() + ".0badcafe");
        Files.write(partial, new byte[] {9});
        Path young = root().resolve("tmp/" + owned.hex() + ".5ca1ab1e");
        Files.write(young, new byte[] {9});
        age(partial, Duration.ofHours(2));
        assertThat(Cleanup.plan(store, Set.of(owned, orphan), DEFAULT, LEASE).apply(store).leftovers()).isEqualTo(1);
        assertThat(partial).doesNotExist();
        assertThat(young).exists();
    }

    private Path root() {
        return dir.resolve("s.jugdata");
    }

    private Path lockFile(TaskKey key) {
        return root().resolve("locks/" + key.hex() + ".lock");
    }

    private static void age(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }

    private static TaskKey key(String seed) {
        try {
            return TaskKey.of(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
