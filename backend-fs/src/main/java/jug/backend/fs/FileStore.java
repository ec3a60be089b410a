package jug.backend.fs;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import jug.core.TaskKey;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/**
 * The default store: a directory on a local disk or NFS.
 *
 * <pre>
 * primes.jugdata/
 *   jugstore                 format marker ("jug-store 1")
 *   results/3f/3f9a…c2       one file per result, sharded by the first two hex digits of the key
 *   results/packs/P.pack     many results of short tasks in one file (see Packs)
 *   locks/3f9a…c2.lock       a held lock: a hard link to its worker's owner file (see LockFile)
 *   locks/owners/W.owner     one per worker: who it is and its renewal counter
 *   tmp/                     results being written, renamed into results/ when complete
 * </pre>
 *
 * <p>Results are written to a temporary file in the store and renamed into place, so no reader ever sees a partial
 * result; rename is atomic on local file systems and NFS. A batch of results (a worker's batch of short tasks) is
 * written as one pack, since creating a file costs more than a trivial task. A lock is taken by hard-linking the worker's owner file to
 * the lock's name: {@code link(2)} fails if the name exists, atomically, on local disks and on every NFS version (the
 * classic NFS-safe lock), and costs one system call. Because all of a worker's locks share one inode, one write to
 * the owner file renews them all. Taking over a stale lock renames it to a unique name first (only one worker's
 * rename can succeed) and checks that it was not renewed meanwhile. No path is built from user text, only from hex
 * keys and worker tokens.
 *
 * <p>Durability: results are not fsynced by default. Every entry carries a checksum, so an entry torn by a power
 * failure is detected and computed again; setting {@code JUG_FSYNC=1} makes every result durable before its lock is
 * released, at about a millisecond per task on a disk.
 */
public final class FileStore implements Store {
    private static final String MARKER = "jugstore";
    private static final String MARKER_TEXT = "jug-store 1\n";

    private final Path root;
    private final Path results;
    private final Path locks;
    private final Path tmp;
    private final boolean fsync;
    private final Set<String> madeDirectories = ConcurrentHashMap.newKeySet();
    private final Map<String, OwnerFile> owners = new ConcurrentHashMap<>();
    private final Map<Lease, Long> acquired = new ConcurrentHashMap<>();
    private final Packs packs;

    /** Results larger than this are never packed: packs stay cheap to rewrite and to read from. */
    private static final int PACKED_ENTRY_LIMIT = 64 * 1024;

    /**
     * A lock released within this time of its acquisition or its owner's last renewal is simply unlinked, as
     * {@link Store#release} allows: no one breaks a lock that young. Older locks are released the careful way.
     */
    private static final long FRESH_NANOS = Store.FRESH_LEASE.toNanos();

    /** A worker's owner file, which its locks link to, and when it was last renewed (this process's clock). */
    private static final class OwnerFile {
        final Path path;
        final Object inode;
        LockFile content;
        volatile long renewedNanos;

        OwnerFile(Path path, Object inode, LockFile content) {
            this.path = path;
            this.inode = inode;
            this.content = content;
            this.renewedNanos = System.nanoTime();
        }
    }

    FileStore(Path root, boolean fsync) throws IOException {
        this.root = root;
        this.results = root.resolve("results");
        this.locks = root.resolve("locks");
        this.tmp = root.resolve("tmp");
        this.fsync = fsync;
        this.packs = new Packs(results.resolve("packs"), tmp, locks);
        Path marker = root.resolve(MARKER);
        String format = Files.isRegularFile(marker) ? Files.readString(marker) : MARKER_TEXT;
        if (!format.equals(MARKER_TEXT)) {
            throw new IOException(root + " was written by an incompatible jug (" + format.trim()
                    + "); use another --jugdir or a jug that reads it");
        }
    }

    /** Opens (without creating anything yet) the store in directory {@code root}. */
    public static FileStore open(Path root) throws IOException {
        return new FileStore(root, "1".equals(System.getenv("JUG_FSYNC")));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public Optional<byte[]> read(TaskKey key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resultPath(key)));
        } catch (NoSuchFileException e) {
            return packs.read(key);
        }
    }

    @Override
    public boolean contains(TaskKey key) throws IOException {
        return resultPath(key).toFile().exists() || packs.contains(key);
    }

    @Override
    public Set<TaskKey> containing(Collection<TaskKey> keys) throws IOException {
        Set<TaskKey> present = new HashSet<>();
        List<TaskKey> rest = new ArrayList<>();
        for (TaskKey key : keys) {
            if (resultPath(key).toFile().exists()) {
                present.add(key);
            } else {
                rest.add(key);
            }
        }
        if (!rest.isEmpty()) {
            present.addAll(packs.containing(rest));
        }
        return present;
    }

    @Override
    public void writeAll(Map<TaskKey, byte[]> entries) throws IOException {
        Map<TaskKey, byte[]> small = new LinkedHashMap<>();
        for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
            if (e.getValue().length <= PACKED_ENTRY_LIMIT && entries.size() > 1) {
                small.put(e.getKey(), e.getValue());
            } else {
                write(e.getKey(), e.getValue());
            }
        }
        if (small.size() == 1) {
            Map.Entry<TaskKey, byte[]> only = small.entrySet().iterator().next();
            write(only.getKey(), only.getValue());
        } else if (!small.isEmpty()) {
            ensureDirectory(results.resolve("packs"));
            ensureDirectory(tmp);
            packs.write(small, fsync);
        }
    }

    @Override
    public void write(TaskKey key, byte[] entry) throws IOException {
        Path target = resultPath(key);
        ensureDirectory(target.getParent());
        ensureDirectory(tmp);
        Path temp = tmp.resolve(key.hex() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(entry);
            while (b.hasRemaining()) {
                out.write(b);
            }
            if (fsync) {
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Override
    public boolean remove(TaskKey key) throws IOException {
        boolean file = Files.deleteIfExists(resultPath(key));
        return !packs.remove(List.of(key)).isEmpty() || file;
    }

    @Override
    public Set<TaskKey> removeAll(Collection<TaskKey> keys) throws IOException {
        Set<TaskKey> removed = new HashSet<>(packs.remove(keys));
        for (TaskKey key : keys) {
            if (Files.deleteIfExists(resultPath(key))) {
                removed.add(key);
            }
        }
        return removed;
    }

    @Override
    public Set<TaskKey> keys() throws IOException {
        String[] shards = results.toFile().list();
        if (shards == null) {
            return new HashSet<>();
        }
        List<TaskKey> files = new ArrayList<>();
        for (String shard : shards) {
            if (shard.length() != 2) {
                continue; // packs/
            }
            String[] names = new File(results.toFile(), shard).list();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                TaskKey key = name.startsWith(shard) ? TaskKey.parseOrNull(name) : null;
                if (key != null) {
                    files.add(key);
                }
            }
        }
        return packs.keysAnd(files);
    }

    @Override
    public Optional<Lease> tryLease(TaskKey key, LeaseOwner owner) throws IOException {
        OwnerFile file = ownerFile(owner);
        try {
            try {
                Files.createLink(lockPath(key), file.path);
            } catch (NoSuchFileException e) {
                // `jug cleanup` took the owner file of this worker for a leftover while it held no lock: make it again
                Files.createLink(lockPath(key), restoreOwnerFile(file).path);
            }
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        Lease lease = new Lease(key, owner, owner.worker());
        acquired.put(lease, System.nanoTime());
        return Optional.of(lease);
    }

    @Override
    public boolean renew(Lease lease) throws IOException {
        OwnerFile file = owners.get(lease.token());
        if (file == null || !isOurs(lockPath(lease.key()), file)) {
            return false;
        }
        synchronized (file) { // one write renews every lock of the worker, since they share the owner file's inode
            file.content = file.content.renewed();
            byte[] bytes = file.content.toBytes();
            FileChannel opened;
            try {
                opened = FileChannel.open(file.path, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                linkBack(file.path, lockPath(lease.key())); // removed as a leftover: our lock still links the inode
                opened = FileChannel.open(file.path, StandardOpenOption.WRITE);
            }
            try (FileChannel channel = opened) {
                channel.write(ByteBuffer.wrap(bytes), 0);
                channel.truncate(bytes.length);
            }
            file.renewedNanos = System.nanoTime();
        }
        return true;
    }

    @Override
    public void fail(Lease lease, String reason) throws IOException {
        OwnerFile file = owners.get(lease.token());
        Path lock = lockPath(lease.key());
        if (file == null || !isOurs(lock, file)) {
            return;
        }
        LockFile failed = file.content.failed(LockRecord.failureLine(reason));
        Path temp = locks.resolve(lease.key().hex() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".failing");
        Files.write(temp, failed.toBytes(), StandardOpenOption.CREATE_NEW);
        Files.move(temp, lock, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        acquired.remove(lease);
    }

    @Override
    public void release(Lease lease) throws IOException {
        Long at = acquired.remove(lease);
        OwnerFile file = owners.get(lease.token());
        if (file == null) {
            return;
        }
        long now = System.nanoTime();
        Path lock = lockPath(lease.key());
        if (at != null && now - Math.max(at, file.renewedNanos) < FRESH_NANOS) {
            Files.deleteIfExists(lock);
            return;
        }
        removeIf(lock, tomb -> file.inode.equals(inode(tomb)));
    }

    private boolean isOurs(Path lock, OwnerFile file) throws IOException {
        try {
            return file.inode.equals(inode(lock));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static Object inode(Path path) throws IOException {
        return Files.getAttribute(path, "unix:ino");
    }

    /** How many names a file has: an owner file that no lock links to has one. */
    private static int links(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:nlink")).intValue();
    }

    /** This process's owner file for {@code owner}, created on first use. */
    private OwnerFile ownerFile(LeaseOwner owner) throws IOException {
        OwnerFile file = owners.get(owner.worker());
        if (file != null) {
            return file;
        }
        synchronized (owners) {
            file = owners.get(owner.worker());
            if (file == null) {
                Path dir = locks.resolve("owners");
                ensureDirectory(dir);
                Path path = dir.resolve(owner.worker() + ".owner");
                file = writeOwnerFile(path, new LockFile(owner, owner.worker(), 0, Optional.empty()));
            }
            return file;
        }
    }

    /**
     * Makes a worker's owner file exist again after it was removed: linked back from one of the worker's locks if it
     * holds any (so they keep sharing the inode), else written anew.
     */
    private OwnerFile restoreOwnerFile(OwnerFile file) throws IOException {
        synchronized (owners) {
            for (Lease held : acquired.keySet()) {
                if (held.token().equals(file.content.token()) && isOurs(lockPath(held.key()), file)) {
                    linkBack(file.path, lockPath(held.key()));
                    return file;
                }
            }
            return writeOwnerFile(file.path, file.content);
        }
    }

    /** Writes a worker's owner file and makes it the one the worker's next locks link to (its token names it). */
    private OwnerFile writeOwnerFile(Path path, LockFile content) throws IOException {
        Files.write(path, content.toBytes());
        OwnerFile file = new OwnerFile(path, inode(path), content);
        owners.put(content.token(), file);
        return file;
    }

    private static void linkBack(Path ownerFile, Path lock) throws IOException {
        try {
            Files.createLink(ownerFile, lock);
        } catch (FileAlreadyExistsException e) {
            // restored meanwhile by another thread of this worker
        }
    }

    @Override
    public List<LockRecord> locks() throws IOException {
        List<LockRecord> records = new ArrayList<>();
        String[] names = locks.toFile().list();
        if (names == null) {
            return records;
        }
        for (String name : names) {
            TaskKey key = name.endsWith(".lock") ? TaskKey.parseOrNull(name.substring(0, name.length() - 5)) : null;
            if (key == null) {
                continue;
            }
            Path path = locks.resolve(name);
            try {
                byte[] bytes = Files.readAllBytes(path);
                Instant renewed = Files.getLastModifiedTime(path).toInstant();
                Optional<LockFile> lock = LockFile.parse(bytes);
                String version = lock.map(LockFile::version).orElse(unreadable(bytes));
                records.add(new LockRecord(key, lock.map(LockFile::owner), lock.flatMap(LockFile::failure), version,
                        Optional.of(renewed)));
            } catch (NoSuchFileException e) {
                // released while we listed
            }
        }
        return records;
    }

    @Override
    public boolean breakLock(LockRecord observed) throws IOException {
        return removeIf(lockPath(observed.key()), tomb -> {
            byte[] bytes = Files.readAllBytes(tomb);
            return LockFile.parse(bytes).map(LockFile::version).orElse(unreadable(bytes)).equals(observed.version());
        });
    }

    private static String unreadable(byte[] bytes) {
        return "unreadable:" + java.util.Arrays.hashCode(bytes);
    }

    /**
     * Removes a lock file if its content passes {@code check}, safely against a concurrent holder: the file is first
     * renamed to a unique name (only one worker's rename can succeed), then checked; if the check fails it is linked
     * back (which fails harmlessly if someone created a new lock meanwhile).
     */
    private boolean removeIf(Path lock, TombCheck check) throws IOException {
        Path tomb = lock.resolveSibling(lock.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".removed");
        try {
            Files.move(lock, tomb, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        try {
            if (check.test(tomb)) {
                return true;
            }
            try {
                Files.createLink(lock, tomb);
            } catch (FileAlreadyExistsException e) {
                // a new holder took the task meanwhile; the old lock is obsolete either way
            }
            return false;
        } finally {
            Files.deleteIfExists(tomb);
        }
    }

    /**
     * True if an owner file belongs to a worker process that still runs on this host: an idle worker holds no lock,
     * so its owner file has no other link and an old modification time, yet it will take locks again.
     */
    private static boolean isLiveHere(Path ownerFile) throws IOException {
        Optional<LockFile> content = LockFile.parse(Files.readAllBytes(ownerFile));
        return content.isPresent() && content.get().owner().host().equals(LeaseOwner.localHost())
                && !content.get().owner().isKnownDead();
    }

    /** Decides, on a lock moved aside, whether removing it was right. */
    @FunctionalInterface
    private interface TombCheck {
        boolean test(Path tomb) throws IOException;
    }

    @Override
    public int removeLeftovers(Duration age) throws IOException {
        Instant before = Instant.now().minus(age);
        int removed = 0;
        Path ownerDir = locks.resolve("owners");
        for (Path dir : List.of(tmp, locks, ownerDir)) {
            String[] names = dir.toFile().list();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                Path path = dir.resolve(name);
                try {
                    boolean leftover = dir.equals(tmp) || name.endsWith(".removed") || name.endsWith(".failing")
                            || (dir.equals(ownerDir) && !owners.containsKey(name.replace(".owner", ""))
                                && links(path) == 1
                                && !isLiveHere(path));
                    if (leftover && Files.getLastModifiedTime(path).toInstant().isBefore(before)) {
                        removed += Files.deleteIfExists(path) ? 1 : 0;
                    }
                } catch (NoSuchFileException e) {
                    // gone meanwhile
                }
            }
        }
        return removed;
    }

    /** Removes this process's owner files that no lock links to any more, so a finished worker leaves nothing. */
    @Override
    public void close() throws IOException {
        for (OwnerFile file : owners.values()) {
            try {
                if (links(file.path) == 1) {
                    Files.deleteIfExists(file.path);
                }
            } catch (NoSuchFileException e) {
                // already gone
            }
        }
        owners.clear();
    }

    private Path resultPath(TaskKey key) {
        String hex = key.hex();
        return results.resolve(hex.substring(0, 2)).resolve(hex);
    }

    private Path lockPath(TaskKey key) {
        return locks.resolve(key.hex() + ".lock");
    }

    private void ensureDirectory(Path dir) throws IOException {
        if (madeDirectories.contains(dir.toString())) {
            return;
        }
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
        }
        Path marker = root.resolve(MARKER);
        if (!Files.exists(marker)) {
            Path temp = root.resolve(MARKER + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.writeString(temp, MARKER_TEXT);
            try {
                Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(temp);
            }
        }
        Files.createDirectories(dir);
        madeDirectories.add(dir.toString());
    }
}
