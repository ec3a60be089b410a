package jug.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jug.core.TaskKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, whatever holds its data. Each backend's test extends this class and says how to
 * open a fresh, empty store; the same tests then run against the real thing.
 */
public abstract class StoreContract {
    protected Store store;

    /** A fresh, empty store; called before each test. */
    protected abstract Store openStore() throws IOException;

    /** Another handle on the same store, as a second worker process would open it. */
    protected abstract Store openSameStore() throws IOException;

    @BeforeEach
    void open() throws IOException {
        store = openStore();
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    protected static TaskKey key(String seed) {
        try {
            return TaskKey.of(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    protected static LeaseOwner owner(String worker) {
        return new LeaseOwner("test-host", 4242, Instant.ofEpochMilli(1_000), worker);
    }

    @Test
    void readingAMissingKeyFindsNothing() throws IOException {
        assertThat(store.read(key("a"))).isEmpty();
        assertThat(store.contains(key("a"))).isFalse();
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void anEntryReadsBackExactly() throws IOException {
        byte[] entry = new byte[100_000];
        new java.util.Random(1).nextBytes(entry);
        store.write(key("a"), entry);
        assertThat(store.read(key("a"))).hasValueSatisfying(b -> assertThat(b).isEqualTo(entry));
        assertThat(store.contains(key("a"))).isTrue();
        assertThat(store.read(key("b"))).isEmpty();
    }

    @Test
    void anEmptyEntryIsStillAnEntry() throws IOException {
        store.write(key("a"), new byte[0]);
        assertThat(store.read(key("a"))).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store.keys()).containsExactly(key("a"));
    }

    @Test
    void writingAgainReplacesTheEntry() throws IOException {
        store.write(key("a"), new byte[] {1, 2, 3});
        store.write(key("a"), new byte[] {4});
        assertThat(store.read(key("a"))).hasValueSatisfying(b -> assertThat(b).containsExactly(4));
    }

    @Test
    void removeSaysWhetherThereWasAnEntry() throws IOException {
        store.write(key("a"), new byte[] {1});
        assertThat(store.remove(key("a"))).isTrue();
        assertThat(store.remove(key("a"))).isFalse();
        assertThat(store.contains(key("a"))).isFalse();
    }

    @Test
    void keysListsEveryEntryAndNothingElse() throws IOException {
        Set<TaskKey> written = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            store.write(key("k" + i), new byte[] {(byte) i});
            written.add(key("k" + i));
        }
        store.tryLease(key("locked"), owner("w"));
        assertThat(store.keys()).isEqualTo(written);
    }

    private Map<TaskKey, byte[]> batch(String prefix, int n) {
        Map<TaskKey, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(key(prefix + i), new byte[] {(byte) i, (byte) (i >> 8), 42});
        }
        return entries;
    }

    @Test
    void aBatchOfEntriesReadsBackLikeSingleOnes() throws IOException {
        Map<TaskKey, byte[]> entries = batch("b", 300);
        store.writeAll(entries);
        assertThat(store.keys()).isEqualTo(entries.keySet());
        for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
            assertThat(store.contains(e.getKey())).isTrue();
            assertThat(store.read(e.getKey())).hasValueSatisfying(b -> assertThat(b).isEqualTo(e.getValue()));
        }
        assertThat(store.containing(List.of(key("b7"), key("nope"), key("b299")))).containsOnly(key("b7"), key("b299"));
        try (Store other = openSameStore()) {
            assertThat(other.read(key("b123"))).hasValueSatisfying(b -> assertThat(b).isEqualTo(entries.get(key("b123"))));
            assertThat(other.keys()).hasSize(300);
        }
    }

    @Test
    void removingFromABatchKeepsTheRestOfIt() throws IOException {
        store.writeAll(batch("r", 50));
        assertThat(store.remove(key("r10"))).isTrue();
        assertThat(store.remove(key("r10"))).isFalse();
        assertThat(store.removeAll(List.of(key("r11"), key("r12"), key("nope")))).containsOnly(key("r11"), key("r12"));
        assertThat(store.keys()).hasSize(47).doesNotContain(key("r10"), key("r11"), key("r12"));
        assertThat(store.read(key("r13"))).hasValueSatisfying(b -> assertThat(b).containsExactly(13, 0, 42));
        assertThat(store.contains(key("r11"))).isFalse();
        try (Store other = openSameStore()) {
            assertThat(other.contains(key("r10"))).isFalse();
            assertThat(other.read(key("r49"))).isPresent();
        }
    }

    @Test
    void aBatchEntryWrittenAgainSingleStaysReadable() throws IOException {
        store.writeAll(batch("w", 5));
        store.write(key("w2"), new byte[] {9});
        assertThat(store.read(key("w2"))).isPresent();
        assertThat(store.remove(key("w2"))).isTrue();
        assertThat(store.contains(key("w2"))).isFalse();
        assertThat(store.keys()).hasSize(4);
    }

    @Test
    void concurrentRemovalsFromOneBatchAllTakeEffect() throws Exception {
        store.writeAll(batch("c", 64));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t * 16;
                done.add(pool.submit(() -> {
                    try (Store own = openSameStore()) {
                        for (int i = first; i < first + 8; i++) {
                            own.remove(key("c" + i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<TaskKey> left = store.keys();
        assertThat(left).hasSize(32);
        for (int t = 0; t < 4; t++) {
            for (int i = t * 16; i < t * 16 + 16; i++) {
                assertThat(left.contains(key("c" + i))).as("c%d", i).isEqualTo(i >= t * 16 + 8);
            }
        }
    }

    @Test
    void anotherHandleSeesTheSameData() throws IOException {
        store.write(key("a"), new byte[] {7});
        try (Store other = openSameStore()) {
            assertThat(other.read(key("a"))).hasValueSatisfying(b -> assertThat(b).containsExactly(7));
            assertThat(store.tryLease(key("t"), owner("one"))).isPresent();
            assertThat(other.tryLease(key("t"), owner("two"))).isEmpty();
        }
    }

    @Test
    void aLeaseIsHeldByOneWorkerUntilReleased() throws IOException {
        Optional<Lease> first = store.tryLease(key("t"), owner("one"));
        assertThat(first).isPresent();
        assertThat(store.tryLease(key("t"), owner("two"))).isEmpty();
        store.release(first.get());
        assertThat(store.tryLease(key("t"), owner("two"))).isPresent();
    }

    @Test
    void locksListHoldersAndTheirVersionsChangeOnRenewal() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("one")).orElseThrow();
        List<LockRecord> before = store.locks();
        assertThat(before).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo(key("t"));
            assertThat(l.owner()).contains(owner("one"));
            assertThat(l.isFailed()).isFalse();
        });
        assertThat(store.renew(lease)).isTrue();
        assertThat(store.locks()).singleElement().satisfies(l ->
                assertThat(l.version()).isNotEqualTo(before.get(0).version()));
    }

    @Test
    void aLockIsBrokenOnlyIfUnchangedSinceObserved() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("one")).orElseThrow();
        LockRecord observed = store.locks().get(0);
        store.renew(lease);
        assertThat(store.breakLock(observed)).as("renewed meanwhile: still alive").isFalse();
        assertThat(store.locks()).hasSize(1);
        LockRecord current = store.locks().get(0);
        assertThat(store.breakLock(current)).isTrue();
        assertThat(store.locks()).isEmpty();
        assertThat(store.breakLock(current)).as("already broken").isFalse();
    }

    @Test
    void aLeaseTakenOverCanNeitherBeRenewedNorReleasedByItsOldHolder() throws Exception {
        Lease old = store.tryLease(key("t"), owner("one")).orElseThrow();
        Thread.sleep(Store.FRESH_LEASE.toMillis() + 100); // only a quiet lock is ever broken
        assertThat(store.breakLock(store.locks().get(0))).isTrue();
        Lease successor = store.tryLease(key("t"), owner("two")).orElseThrow();
        assertThat(store.renew(old)).isFalse();
        store.release(old);
        assertThat(store.locks()).singleElement().satisfies(l -> assertThat(l.owner()).contains(owner("two")));
        assertThat(store.renew(successor)).isTrue();
    }

    @Test
    void aFailedTaskKeepsAMarkThatBlocksNewLeases() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("one")).orElseThrow();
        store.fail(lease, "Jugfile.f(3) threw java.lang.ArithmeticException: / by zero");
        assertThat(store.tryLease(key("t"), owner("two"))).isEmpty();
        assertThat(store.locks()).singleElement().satisfies(l -> {
            assertThat(l.isFailed()).isTrue();
            assertThat(l.failure()).contains("Jugfile.f(3) threw java.lang.ArithmeticException: / by zero");
        });
        assertThat(store.breakLock(store.locks().get(0))).isTrue();
        assertThat(store.tryLease(key("t"), owner("two"))).isPresent();
    }

    /** One attempt of a worker in a race; {@code worker} numbers it. */
    @FunctionalInterface
    private interface Attempt {
        boolean wins(int worker) throws Exception;
    }

    /** Starts {@code workers} attempts on {@code pool} at once; returns how many won. */
    private static int winners(ExecutorService pool, int workers, Attempt attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            attempts.add(pool.submit((Callable<Boolean>) () -> {
                start.await();
                return attempt.wins(worker);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : attempts) {
            winners += f.get() ? 1 : 0;
        }
        return winners;
    }

    @Test
    void ofManyWorkersRacingForOneLeaseExactlyOneWins() throws Exception {
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int round = 0; round < 50; round++) {
                TaskKey k = key("race" + round);
                int winners = winners(pool, workers, w -> store.tryLease(k, owner("w" + w)).isPresent());
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofManyWorkersBreakingOneStaleLockExactlyOneSucceeds() throws Exception {
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int round = 0; round < 30; round++) {
                TaskKey k = key("stale" + round);
                store.tryLease(k, owner("dead")).orElseThrow();
                LockRecord observed = store.locks().stream().filter(l -> l.key().equals(k)).findFirst().orElseThrow();
                int winners = winners(pool, workers, w -> store.breakLock(observed));
                assertThat(winners).as("round %d", round).isEqualTo(1);
                assertThat(store.locks().stream().filter(l -> l.key().equals(k))).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritersOfOneKeyLeaveOneWholeEntry() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] entry = new byte[200_000];
                java.util.Arrays.fill(entry, (byte) w);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        store.write(key("shared"), entry);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] result = store.read(key("shared")).orElseThrow();
        assertThat(result).hasSize(200_000);
        for (byte b : result) {
            assertThat(b).isEqualTo(result[0]);
        }
    }
}
