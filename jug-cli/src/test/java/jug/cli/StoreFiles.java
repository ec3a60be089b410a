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

/** What a test can see of a file store directly: its result files, lock files and leftovers. */
final class StoreFiles {
    private static final Pattern KEY_LINE = Pattern.compile("^  key\\s+([0-9a-f]{64})$", Pattern.MULTILINE);

    private final Path root;

    StoreFiles(Path root) {
        this.root = root;
    }

    /** The keys of the stored results (file names under results/). */
    Set<String> results() throws IOException {
        return names(root.resolve("results"), true);
    }

    /** The keys of the lock files (held locks and failure marks). */
    Set<String> locks() throws IOException {
        return names(root.resolve("locks"), false).stream().filter(n -> n.endsWith(".lock"))
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

    private static Set<String> names(Path dir, boolean recursive) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }
}
