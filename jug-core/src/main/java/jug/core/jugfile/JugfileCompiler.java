package jug.core.jugfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import jug.core.JugfileException;

/**
 * Compiles a {@code Jugfile.java} in memory with the JDK's compiler, against jug's own classes plus any extra class
 * path, and caches the class files on disk keyed by a hash of the source, the class path and the Java version, so
 * that later commands (and other workers) skip compilation. Compile errors are reported as
 * {@code file:line:col: message}.
 */
final class JugfileCompiler {
    private final Path cacheRoot;

    JugfileCompiler(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The default cache: {@code $JUG_CACHE_DIR}, else {@code $XDG_CACHE_HOME/jug}, else {@code ~/.cache/jug}. */
    static Path defaultCacheRoot() {
        String explicit = System.getenv("JUG_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jug");
    }

    /** The class files of {@code source}, compiled now or taken from the cache. */
    Map<String, byte[]> compile(Path source, String displayName, String classpath) {
        byte[] text;
        try {
            text = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new JugfileException(displayName + ": cannot read the jugfile (" + e.getMessage() + ")", e);
        }
        Path cached = cacheRoot.resolve("classes").resolve(cacheKey(text, classpath));
        Map<String, byte[]> classes = readCache(cached);
        if (classes != null) {
            return classes;
        }
        classes = javac(new String(text, StandardCharsets.UTF_8), source, displayName, classpath);
        writeCache(cached, classes);
        return classes;
    }

    private static String cacheKey(byte[] source, String classpath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source);
            sha.update((byte) 0);
            sha.update(classpath.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p)) { // a rebuilt jar changes the cache key
                    sha.update(Files.getLastModifiedTime(p).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Long.toString(Files.size(p)).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot compute the jugfile cache key", e);
        }
    }

    private static Map<String, byte[]> readCache(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Map<String, byte[]> classes = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - 6), Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            return null; // an unreadable cache only costs a recompilation
        }
        return classes.isEmpty() ? null : classes;
    }

    private static void writeCache(Path dir, Map<String, byte[]> classes) {
        try {
            Files.createDirectories(dir.getParent());
            Path temp = dir.resolveSibling(dir.getFileName() + ".tmp-" + UUID.randomUUID());
            Files.createDirectories(temp);
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Files.write(temp.resolve(c.getKey() + ".class"), c.getValue());
            }
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(temp); // another worker cached the same jugfile first
            } catch (IOException e) {
                deleteTree(temp);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs a recompilation next time.
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // leftovers in the cache directory are harmless
        }
    }

    private static Map<String, byte[]> javac(String text, Path source, String displayName, String classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new JugfileException(displayName + ": this Java runtime has no compiler; run jug with a JDK (not a JRE)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> outputs = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        try (var files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return outputs.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        }) {
            JavaFileObject unit = new SimpleJavaFileObject(source.toUri(), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            List<String> options = List.of("-classpath", classpath, "-proc:none", "-g", "-parameters",
                    "-implicit:none", "-Xlint:none", "-nowarn");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
            if (!ok) {
                throw new JugfileException(format(diagnostics, displayName));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> classes = new HashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static String format(DiagnosticCollector<JavaFileObject> diagnostics, String displayName) {
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            lines.add(displayName + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                    + d.getMessage(Locale.ROOT));
        }
        int n = lines.size();
        lines.add(n + " compile error" + (n == 1 ? "" : "s") + " in " + displayName + "; fix "
                + (n == 1 ? "it" : "them") + " and run the command again");
        return String.join("\n", lines);
    }
}
