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
import java.util.HashSet;
import java.util.List;
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
 *   locks/3f9a…c2.lock       one file per lock (see LockFile)
 *   tmp/                     results being written, renamed into results/ when complete
 * </pre>
 *
 * <p>Results are written to a temporary file in the store and renamed into place, so no reader ever sees a partial
 * result; rename is atomic on local file systems and NFS. Locks are created with {@code O_EXCL}, atomic on local
 * disks and NFSv3+. Taking over a stale lock renames it to a unique name first (only one worker's rename can
 * succeed) and checks that it was not renewed meanwhile. No path is built from user text, only from hex keys.
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

    FileStore(Path root, boolean fsync) throws IOException {
        this.root = root;
        this.results = root.resolve("results");
        this.locks = root.resolve("locks");
        this.tmp = root.resolve("tmp");
        this.fsync = fsync;
        Path marker = root.resolve(MARKER);
        if (Files.isRegularFile(marker) && !Files.readString(marker).equals(MARKER_TEXT)) {
            throw new IOException(root + " was written by an incompatible jug (" + Files.readString(marker).trim()
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
            return Optional.empty();
        }
    }

    @Override
    public boolean contains(TaskKey key) {
        return resultPath(key).toFile().exists();
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
        return Files.deleteIfExists(resultPath(key));
    }

    @Override
    public Set<TaskKey> keys() {
        Set<TaskKey> keys = new HashSet<>();
        String[] shards = results.toFile().list();
        if (shards == null) {
            return keys;
        }
        for (String shard : shards) {
            String[] names = new File(results.toFile(), shard).list();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                if (TaskKey.isValid(name) && name.startsWith(shard)) {
                    keys.add(new TaskKey(name));
                }
            }
        }
        return keys;
    }

    @Override
    public Optional<Lease> tryLease(TaskKey key, LeaseOwner owner) throws IOException {
        ensureDirectory(locks);
        Lease lease = new Lease(key, owner, Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 62));
        byte[] content = new LockFile(owner, lease.token(), 0, Optional.empty()).toBytes();
        try (FileChannel out = FileChannel.open(lockPath(key), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(content));
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        return Optional.of(lease);
    }

    @Override
    public boolean renew(Lease lease) throws IOException {
        return rewrite(lease, LockFile::renewed);
    }

    @Override
    public void fail(Lease lease, String reason) throws IOException {
        String line = reason.replace('\n', ' ');
        rewrite(lease, lock -> lock.failed(line.length() > 500 ? line.substring(0, 497) + "..." : line));
    }

    /** Rewrites our own lock in place, through one open file, so that a lock taken over meanwhile is never touched. */
    private boolean rewrite(Lease lease, java.util.function.UnaryOperator<LockFile> change) throws IOException {
        try (FileChannel channel = FileChannel.open(lockPath(lease.key()), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(b, 0);
            Optional<LockFile> lock = LockFile.parse(java.util.Arrays.copyOf(b.array(), b.position()));
            if (lock.isEmpty() || !lock.get().token().equals(lease.token())) {
                return false;
            }
            byte[] updated = change.apply(lock.get()).toBytes();
            channel.write(ByteBuffer.wrap(updated), 0);
            channel.truncate(updated.length);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void release(Lease lease) throws IOException {
        removeIf(lockPath(lease.key()), lock -> lock.isPresent() && lock.get().token().equals(lease.token()));
    }

    @Override
    public List<LockRecord> locks() throws IOException {
        List<LockRecord> records = new ArrayList<>();
        String[] names = locks.toFile().list();
        if (names == null) {
            return records;
        }
        for (String name : names) {
            if (!name.endsWith(".lock") || !TaskKey.isValid(name.substring(0, name.length() - 5))) {
                continue;
            }
            Path path = locks.resolve(name);
            try {
                byte[] bytes = Files.readAllBytes(path);
                Instant renewed = Files.getLastModifiedTime(path).toInstant();
                Optional<LockFile> lock = LockFile.parse(bytes);
                TaskKey key = new TaskKey(name.substring(0, name.length() - 5));
                String version = lock.map(LockFile::version).orElse("unreadable:" + java.util.Arrays.hashCode(bytes));
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
        return removeIf(lockPath(observed.key()), lock -> lock.map(LockFile::version)
                .map(v -> v.equals(observed.version())).orElse(observed.version().startsWith("unreadable:")));
    }

    /**
     * Removes a lock file if its content passes {@code check}, safely against a concurrent holder: the file is first
     * renamed to a unique name (only one worker's rename can succeed), then checked; if the check fails it is linked
     * back (which fails harmlessly if someone created a new lock meanwhile).
     */
    private boolean removeIf(Path lock, java.util.function.Predicate<Optional<LockFile>> check) throws IOException {
        Path tomb = lock.resolveSibling(lock.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".removed");
        try {
            Files.move(lock, tomb, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        try {
            if (check.test(LockFile.parse(Files.readAllBytes(tomb)))) {
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

    @Override
    public int removeLeftovers(Duration age) throws IOException {
        Instant before = Instant.now().minus(age);
        int removed = 0;
        for (Path dir : List.of(tmp, locks)) {
            String[] names = dir.toFile().list();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                boolean leftover = dir.equals(tmp) || name.endsWith(".removed");
                Path path = dir.resolve(name);
                try {
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

    @Override
    public void close() {
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
