package jug.backend.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import jug.core.TaskKey;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;
import jug.core.store.StoreContract;
import jug.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return Store.open(dir.resolve("x.jugdata").toString());
    }

    @Override
    protected Store openSameStore() {
        return Store.open(dir.resolve("x.jugdata").toUri().toString());
    }

    @Test
    void resultsAreShardedFilesNamedByTheirKey() throws IOException {
        store.write(key("a"), new byte[] {1});
        String hex = key("a").hex();
        assertThat(dir.resolve("x.jugdata/results/" + hex.substring(0, 2) + "/" + hex)).hasBinaryContent(new byte[] {1});
        assertThat(dir.resolve("x.jugdata/jugstore")).hasContent("jug-store 1");
    }

    @Test
    void aTruncatedPackKeepsTheEntriesBeforeTheCutAndRemovingADamagedOneRewritesIt() throws IOException {
        Map<TaskKey, byte[]> entries = new LinkedHashMap<>();
        entries.put(key("a"), new byte[] {1, 1, 1});
        entries.put(key("b"), new byte[] {2, 2, 2});
        entries.put(key("c"), new byte[] {3, 3, 3});
        store.writeAll(entries);
        Path pack;
        try (Stream<Path> packs = Files.list(dir.resolve("x.jugdata/results/packs"))) {
            pack = packs.toList().get(0);
        }
        byte[] bytes = Files.readAllBytes(pack);
        Files.write(pack, Arrays.copyOf(bytes, bytes.length - 2)); // entries come last: c loses two bytes

        try (Store again = openSameStore()) {
            assertThat(again.read(key("a"))).hasValueSatisfying(e -> assertThat(e).containsExactly(1, 1, 1));
            assertThat(again.read(key("c"))).hasValueSatisfying(e -> assertThat(e).isNotEqualTo(new byte[] {3, 3, 3}));
            assertThat(again.remove(key("b"))).isTrue(); // rewrites the pack, which cannot keep c
            assertThat(again.keys()).containsExactly(key("a"));
            assertThat(again.read(key("a"))).hasValueSatisfying(e -> assertThat(e).containsExactly(1, 1, 1));
            again.write(key("c"), new byte[] {3, 3, 3});
            assertThat(again.read(key("c"))).hasValueSatisfying(e -> assertThat(e).containsExactly(3, 3, 3));
        }
    }

    @Test
    void anInterruptedWriteLeavesNoEntryAndItsLeftoverIsCleanedUp() throws IOException {
        store.write(key("a"), new byte[] {1}); // creates the layout
        Path partial = dir.resolve("x.jugdata/tmp/" + key("b").hex() + ".deadbeef");
        Files.write(partial, new byte[] {9, 9});
        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        assertThat(store.keys()).containsExactly(key("a"));
        assertThat(store.contains(key("b"))).isFalse();
        assertThat(store.removeLeftovers(Duration.ofHours(1))).isEqualTo(1);
        assertThat(partial).doesNotExist();
    }

    @Test
    void leftoversYoungerThanTheAgeStay() throws IOException {
        store.write(key("a"), new byte[] {1});
        Path partial = dir.resolve("x.jugdata/tmp/" + key("b").hex() + ".cafe");
        Files.write(partial, new byte[] {9});
        assertThat(store.removeLeftovers(Duration.ofHours(1))).isZero();
        assertThat(partial).exists();
    }

    @Test
    void aLockFileSaysWhoHoldsIt() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("w1")).orElseThrow();
        String text = Files.readString(dir.resolve("x.jugdata/locks/" + key("t").hex() + ".lock"));
        assertThat(text).startsWith("jug-lock 1\n").contains("owner test-host 4242 1000 w1")
                .contains("token " + lease.token()).contains("renewal 0");
    }

    @Test
    void aDamagedLockCountsAsUnreadableAndCanBeBroken() throws IOException {
        store.tryLease(key("t"), owner("w1")).orElseThrow();
        Files.writeString(dir.resolve("x.jugdata/locks/" + key("t").hex() + ".lock"), "garbage");
        assertThat(store.locks()).singleElement().satisfies(l -> {
            assertThat(l.owner()).isEmpty();
            assertThat(l.version()).startsWith("unreadable:");
        });
        assertThat(store.breakLock(store.locks().get(0))).isTrue();
    }

    @Test
    void aStoreWrittenInAnotherFormatIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("old.jugdata"));
        Files.writeString(dir.resolve("old.jugdata/jugstore"), "jug-store 99\n");
        assertThatThrownBy(() -> Store.open(dir.resolve("old.jugdata").toString()))
                .isInstanceOf(StoreException.class).hasMessageContaining("incompatible jug (jug-store 99)");
    }

    @Test
    void readingCreatesNothing() throws IOException {
        store.read(key("a"));
        store.keys();
        store.locks();
        assertThat(dir.resolve("x.jugdata")).doesNotExist();
    }

    @Test
    void releasingLeavesNoLockFileBehind() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("w1")).orElseThrow();
        store.release(lease);
        try (Stream<Path> files = Files.list(dir.resolve("x.jugdata/locks"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anIdleWorkersOwnerFileSweptAsALeftoverIsMadeAgainOnItsNextLease() throws IOException {
        store.release(store.tryLease(key("a"), owner("w1")).orElseThrow());
        Path ownerFile = dir.resolve("x.jugdata/locks/owners/w1.owner");
        Files.setLastModifiedTime(ownerFile, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        try (Store cleaner = openSameStore()) {
            assertThat(cleaner.removeLeftovers(Duration.ofHours(1))).isEqualTo(1);
        }
        assertThat(ownerFile).doesNotExist();
        Lease lease = store.tryLease(key("b"), owner("w1")).orElseThrow();
        assertThat(ownerFile).exists();
        assertThat(store.renew(lease)).isTrue();
        assertThat(store.locks()).singleElement().satisfies(l -> assertThat(l.version()).endsWith(":1"));
    }

    @Test
    void anOwnerFileRemovedWhileItsWorkerHoldsALockIsLinkedBackToTheLock() throws IOException {
        Lease lease = store.tryLease(key("a"), owner("w1")).orElseThrow();
        Path ownerFile = dir.resolve("x.jugdata/locks/owners/w1.owner");
        Files.delete(ownerFile);
        assertThat(store.renew(lease)).isTrue();
        Path lock = dir.resolve("x.jugdata/locks/" + key("a").hex() + ".lock");
        assertThat(Files.getAttribute(ownerFile, "unix:ino")).isEqualTo(Files.getAttribute(lock, "unix:ino"));
        assertThat(store.locks()).singleElement().satisfies(l -> assertThat(l.version()).endsWith(":1"));
    }

    @Test
    void theLeftoverSweepKeepsTheOwnerFilesOfLiveWorkersOnThisHost() throws IOException {
        LeaseOwner live = LeaseOwner.newWorker();
        store.release(store.tryLease(key("a"), live).orElseThrow());
        Path ownerFile = dir.resolve("x.jugdata/locks/owners/" + live.worker() + ".owner");
        Files.setLastModifiedTime(ownerFile, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        try (Store cleaner = openSameStore()) {
            assertThat(cleaner.removeLeftovers(Duration.ofHours(1))).isZero();
        }
        assertThat(ownerFile).exists();
    }
}
