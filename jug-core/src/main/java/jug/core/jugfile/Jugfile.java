package jug.core.jugfile;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jug.core.AllowResults;
import jug.core.BarrierReached;
import jug.core.Jug;
import jug.core.JugException;
import jug.core.JugfileException;
import jug.core.ResultSource;
import jug.core.serialization.ResultTypes;

/**
 * A loaded jugfile: the class whose {@code public static void define(Jug jug)} declares the tasks, either compiled
 * from a {@code Jugfile.java} (see {@link #compile}) or found precompiled on a class path ({@link #precompiled}).
 * Calling {@link #define} runs the declarations; errors in them come back as {@link JugfileException}s that name the
 * jugfile line.
 */
public final class Jugfile {
    private final String displayName;
    private final Path source;
    private final Class<?> type;
    private final Method define;
    private final Set<String> ownClasses;

    private Jugfile(String displayName, Path source, Class<?> type, Set<String> ownClasses) {
        this.displayName = displayName;
        this.source = source;
        this.type = type;
        this.ownClasses = Set.copyOf(ownClasses);
        this.define = findDefine(type, displayName);
    }

    /**
     * Compiles (or takes from the cache) the jugfile at {@code source}, against jug's classes and {@code classpath}.
     *
     * @param displayName how messages name the file, usually the path as the user typed it
     */
    public static Jugfile compile(Path source, String displayName, List<Path> classpath) {
        return compile(source, displayName, classpath, JugfileCompiler.defaultCacheRoot());
    }

    /** As {@link #compile(Path, String, List)}, caching compiled classes under {@code cacheRoot}. */
    static Jugfile compile(Path source, String displayName, List<Path> classpath, Path cacheRoot) {
        if (!Files.isRegularFile(source)) {
            throw new JugfileException(displayName + ": no such jugfile; give the path of a Jugfile.java (or the name "
                    + "of a compiled class with --classpath)");
        }
        ClassLoader parent = extraClasses(classpath);
        String compileClasspath = System.getProperty("java.class.path")
                + classpath.stream().map(p -> File.pathSeparator + p.toAbsolutePath()).collect(Collectors.joining());
        var classes = new JugfileCompiler(cacheRoot).compile(source, displayName, compileClasspath);
        CompiledClasses loader = new CompiledClasses(classes, parent);
        String stem = source.getFileName().toString().replaceFirst("\\.java$", "");
        String main = classes.keySet().stream()
                .filter(n -> n.equals(stem) || n.endsWith("." + stem))
                .findFirst()
                .orElseThrow(() -> new JugfileException(displayName + ": declares no top-level class " + stem
                        + "; the file's public class must be named like the file"));
        try {
            return new Jugfile(displayName, source, loader.loadClass(main), classes.keySet());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new JugfileException(displayName + ": cannot load the compiled class " + main + ": " + e, e);
        }
    }

    /** The precompiled jugfile class {@code className}, found on {@code classpath} or jug's own class path. */
    public static Jugfile precompiled(String className, List<Path> classpath) {
        try {
            Class<?> type = Class.forName(className, true, extraClasses(classpath));
            return new Jugfile(className, null, type, Set.of(className));
        } catch (ClassNotFoundException e) {
            throw new JugfileException(className + ": no such class on the class path; give a Jugfile.java path, "
                    + "or add the jar or directory that holds the class with --classpath");
        } catch (LinkageError e) {
            throw new JugfileException(className + ": cannot load the class: " + e, e);
        }
    }

    /**
     * The jugfile whose classes a tool has loaded itself ({@code jug shell} loads them with its own class loader, so
     * that the values it reads are of the classes its snippets see): {@code type}, compiled from {@code source} (null
     * for a precompiled class) together with the classes named {@code classNames}.
     */
    public static Jugfile of(Class<?> type, Path source, Set<String> classNames) {
        return new Jugfile(type.getName(), source, type, classNames);
    }

    /** The binary names of the classes compiled from the jugfile's source (for a precompiled class: itself). */
    public Set<String> classNames() {
        return ownClasses;
    }

    /** The binary name of the jugfile's class, such as {@code Jugfile} or {@code lab.Pipeline}. */
    public String className() {
        return type.getName();
    }

    /**
     * Writes the class files compiled from the jugfile's source under {@code dir}, in package directories, for tools
     * that need them on a class path ({@code jug shell}); returns false, writing nothing, for a precompiled class,
     * which is on a class path already.
     */
    public boolean writeClasses(Path dir) throws java.io.IOException {
        if (!(type.getClassLoader() instanceof CompiledClasses compiled)) {
            return false;
        }
        for (var c : compiled.classes().entrySet()) {
            Path file = dir.resolve(c.getKey().replace('.', File.separatorChar) + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        return true;
    }

    /** How messages name this jugfile. */
    public String displayName() {
        return displayName;
    }

    /** The source file, or null for a precompiled class. */
    public Path source() {
        return source;
    }

    /** The class loader of the jugfile's classes (results of the jugfile's own types load through it). */
    public ClassLoader classLoader() {
        return type.getClassLoader();
    }

    /** The types a result of this jugfile may contain: the defaults plus the jugfile's own classes. */
    public ResultTypes resultTypes() {
        ResultTypes types = source == null
                ? ResultTypes.forJugfile(nestedNames(type)).allowing(List.of(packagePrefix(type)))
                : ResultTypes.forJugfile(ownClasses);
        AllowResults more = type.getAnnotation(AllowResults.class);
        if (more == null) {
            return types;
        }
        for (String entry : more.value()) {
            if (entry.isBlank() || entry.equals(".") || entry.contains(" ")) {
                throw new JugfileException(displayName + ": @AllowResults entry \"" + entry + "\" is neither a class "
                        + "name nor a package prefix ending in a dot (such as \"smile.regression.\")");
            }
        }
        return types.allowing(List.of(more.value()));
    }

    /** A class and the classes declared inside it, at any depth (a precompiled jugfile's records, say). */
    private static Set<String> nestedNames(Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            names.add(c.getName());
            todo.addAll(List.of(c.getDeclaredClasses()));
        }
        return names;
    }

    /**
     * Runs the jugfile's {@code define} on a new {@link Jug} that receives {@code args}, runs under
     * {@code jug execute} if {@code running}, and sees stored results through {@code results}; stops at the first
     * barrier whose tasks are not finished.
     */
    public Evaluation evaluate(List<String> args, boolean running, ResultSource results) {
        Jug jug = new Jug(source, args, running, results);
        define(jug);
        return new Evaluation(jug, jug.graph(), !jug.reachedBarrier());
    }

    /** Runs the jugfile's {@code define(Jug)}, which declares its tasks on {@code jug}, up to a barrier. */
    public void define(Jug jug) {
        try {
            define.invoke(null, jug);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BarrierReached) {
                return;
            }
            if (cause instanceof JugException j) {
                throw j;
            }
            throw new JugfileException(where(cause) + "exception while declaring tasks: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new JugfileException(displayName + ": define(Jug) is not accessible; make it public static", e);
        }
    }

    /** The jugfile line in {@code failure}'s stack trace, as {@code file:line: }, or the file name alone. */
    private String where(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (ownClasses.contains(frame.getClassName()) && frame.getLineNumber() > 0) {
                return displayName + ":" + frame.getLineNumber() + ": ";
            }
        }
        return displayName + ": ";
    }

    private static Method findDefine(Class<?> type, String displayName) {
        try {
            Method m = type.getMethod("define", Jug.class);
            if (Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        } catch (NoSuchMethodException e) {
            // reported below
        }
        throw new JugfileException(displayName + ": class " + type.getSimpleName() + " has no method "
                + "`public static void define(Jug jug)`; add one that declares the tasks");
    }

    private static String packagePrefix(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.isEmpty() ? type.getName() : pkg + ".";
    }

    private static ClassLoader extraClasses(List<Path> classpath) {
        ClassLoader parent = Jugfile.class.getClassLoader();
        if (classpath.isEmpty()) {
            return parent;
        }
        var urls = classpath.stream().map(p -> {
            try {
                return p.toAbsolutePath().toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new JugfileException("--classpath entry " + p + " is not a valid path");
            }
        }).toArray(java.net.URL[]::new);
        return new java.net.URLClassLoader("jugfile-classpath", urls, parent);
    }
}
