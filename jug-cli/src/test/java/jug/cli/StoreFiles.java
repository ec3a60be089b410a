package jug.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jug.core.TaskKey;
import jug.core.store.LockRecord;
import jug.core.store.Store;

/** What a test can see of a file store directly: its result files, lock files and leftovers. */
final class StoreFiles {
    private static final Pattern KEY_LINE = Pattern.compile("^  key\\s+([0-9a-f]{64})$", Pattern.MULTILINE);

    private final Path root;

    StoreFiles(Path root) {
        this.root = root;
    }

    /** The keys of the stored results, one file each or many in a pack, as the store itself lists them. */
    Set<String> results() throws IOException {
        try (Store store = Store.open(root.toString())) {
            return store.keys().stream().map(TaskKey::hex).collect(Collectors.toSet());
        }
    }

    /**
     * The locks (held locks and failure marks) of store {@code jugdir} as jug, run on Jugfile.java in {@code workDir},
     * sees them: through the store's own listing, so for any backend (a Redis store's namespace is derived from the
     * jugfile's path, as the jug process in {@code workDir} resolves it).
     */
    static List<LockRecord> locks(String jugdir, Path workDir) throws IOException {
        try (Store store = Store.open(jugdir, workDir.toRealPath().resolve("Jugfile.java").toString())) {
            return store.locks();
        }
    }

    /** The keys of the lock files (held locks and failure marks). */
    Set<String> locks() throws IOException {
        return names(root.resolve("locks")).stream().filter(n -> n.endsWith(".lock"))
                .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toSet());
    }

    Path tmp() throws IOException {
        return Files.createDirectories(root.resolve("tmp"));
    }

    /** The full keys that {@code jug show} printed. */
    static List<String> keysShown(String showOutput) {
        Matcher m = KEY_LINE.matcher(showOutput);
        List<String> keys = new java.util.ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static Set<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }
}
