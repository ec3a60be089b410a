package jug.core.jugfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import jug.core.FunctionTask;
import jug.core.Jug;
import jug.core.ResultSource;
import jug.core.JugfileException;
import jug.core.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JugfileTest {
    private static final String SQUARES = """
            import java.util.ArrayList;
            import java.util.List;
            import jug.core.Jug;
            import jug.core.Task;

            public class Jugfile {
                public record Summary(int count, long total) {
                }

                static int square(int x) {
                    return x * x;
                }

                static Summary summarize(List<Integer> squares) {
                    return new Summary(squares.size(), squares.stream().mapToLong(Integer::longValue).sum());
                }

                public static void define(Jug jug) {
                    List<Task<Integer>> squares = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        squares.add(jug.task(Jugfile::square, i));
                    }
                    jug.task(Jugfile::summarize, squares);
                }
            }
            """;

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Jugfile compile(Path source) {
        return Jugfile.compile(source, "jobs/Jugfile.java", List.of(), cache());
    }

    /** Runs a task and, first, the tasks it depends on. */
    private static Object evaluate(Task<?> task) {
        try {
            return ((FunctionTask<?>) task).run(JugfileTest::evaluate);
        } catch (Exception e) {
            throw new AssertionError(task + " threw", e);
        }
    }

    private List<Path> cacheEntries() throws IOException {
        Path classes = cache().resolve("classes");
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(classes)) {
            return entries.sorted().toList();
        }
    }

    @Test
    void defineDeclaresTheTasksWhichRunTheJugfilesCode() throws Exception {
        Path source = write("Jugfile.java", SQUARES);
        Jugfile jugfile = compile(source);
        Jug jug = new Jug(source, List.of(), true, ResultSource.none());

        jugfile.define(jug);

        assertThat(jug.tasks()).extracting(Task::name)
                .containsExactly("Jugfile.square", "Jugfile.square", "Jugfile.square", "Jugfile.summarize");
        FunctionTask<?> summarize = (FunctionTask<?>) jug.tasks().get(3);
        Object summary = summarize.run(JugfileTest::evaluate);
        assertThat(summary).hasToString("Summary[count=3, total=14]");
        assertThat(summary.getClass().getClassLoader()).isSameAs(jugfile.classLoader());
        assertThat(jugfile.displayName()).isEqualTo("jobs/Jugfile.java");
        assertThat(jugfile.source()).isEqualTo(source);
    }

    @Test
    void resultTypesAllowTheJugfilesOwnClasses() throws IOException {
        Jugfile jugfile = compile(write("Jugfile.java", SQUARES));
        assertThat(jugfile.resultTypes().allows("Jugfile$Summary")).isTrue();
        assertThat(jugfile.resultTypes().allows("Jugfile")).isTrue();
        assertThat(jugfile.resultTypes().allows("OtherJugfile$Summary")).isFalse();
    }

    @Test
    void allowResultsAddsClassesAndPackagesToTheResultTypes() throws IOException {
        Jugfile jugfile = compile(write("Jugfile.java", SQUARES.replace("public class",
                "@jug.core.AllowResults({\"org.lab.Fit\", \"smile.regression.\"})\npublic class")));
        assertThat(jugfile.resultTypes().allows("org.lab.Fit")).isTrue();
        assertThat(jugfile.resultTypes().allows("org.lab.Fit2")).isFalse();
        assertThat(jugfile.resultTypes().allows("smile.regression.RandomForest")).isTrue();
        assertThat(jugfile.resultTypes().allows("smile.data.DataFrame")).isFalse();
        assertThat(jugfile.resultTypes().allows("Jugfile$Summary")).isTrue();
    }

    @Test
    void allowResultsEntryThatIsNoNameIsRefusedNamingTheJugfile() throws IOException {
        Jugfile jugfile = compile(write("Jugfile.java",
                SQUARES.replace("public class", "@jug.core.AllowResults({\"smile regression\"})\npublic class")));
        assertThatThrownBy(jugfile::resultTypes).isInstanceOf(JugfileException.class)
                .hasMessageStartingWith("jobs/Jugfile.java: @AllowResults entry \"smile regression\" is neither");
    }

    @Test
    void precompiledJugfileInTheDefaultPackageAllowsItsNestedClasses() throws Exception {
        Jugfile compiled = compile(write("Jugfile.java", SQUARES));
        Jugfile loaded = Jugfile.of(Class.forName("Jugfile", true, compiled.classLoader()), null, Set.of("Jugfile"));
        assertThat(loaded.resultTypes().allows("Jugfile$Summary")).isTrue();
        assertThat(loaded.resultTypes().allows("Other")).isFalse();
    }

    @Test
    void jugfileInAPackageIsFound() throws IOException {
        Path source = write("Jugfile.java", "package demo.pipeline;\n" + SQUARES);
        Jug jug = new Jug();
        compile(source).define(jug);
        assertThat(jug.tasks().get(0).name()).isEqualTo("demo.pipeline.Jugfile.square");
    }

    @Test
    void compileErrorsAreListedAsFileLineColumnMessage() throws IOException {
        Path source = write("Jugfile.java", """
                import jug.core.Jug;

                public class Jugfile {
                    public static void define(Jug jug) {
                        int x = "text";
                        undefined();
                    }
                }
                """);
        assertThatThrownBy(() -> compile(source))
                .isInstanceOf(JugfileException.class)
                .satisfies(e -> {
                    List<String> lines = e.getMessage().lines().toList();
                    // javac's detail lines ("  symbol: ...") follow their error, indented.
                    assertThat(lines.stream().filter(line -> !line.startsWith(" "))).satisfiesExactly(
                            line -> assertThat(line).isEqualTo("jobs/Jugfile.java:5:17: incompatible types: "
                                    + "java.lang.String cannot be converted to int"),
                            line -> assertThat(line).isEqualTo("jobs/Jugfile.java:6:9: cannot find symbol"),
                            line -> assertThat(line).isEqualTo("2 compile errors in jobs/Jugfile.java; fix them and "
                                    + "run the command again"));
                    assertThat(lines).contains("  symbol:   method undefined()");
                });
        assertThat(cacheEntries()).as("nothing cached for a failed compilation").isEmpty();
    }

    @Test
    void missingDefineMethodIsNamed() throws IOException {
        Path source = write("Jugfile.java", "public class Jugfile { static void define() { } }\n");
        assertThatThrownBy(() -> compile(source))
                .isInstanceOf(JugfileException.class)
                .hasMessage("jobs/Jugfile.java: class Jugfile has no method `public static void define(Jug jug)`; "
                        + "add one that declares the tasks");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> compile(dir.resolve("Nowhere.java")))
                .isInstanceOf(JugfileException.class)
                .hasMessage("jobs/Jugfile.java: no such jugfile; give the path of a Jugfile.java (or the name of a "
                        + "compiled class with --classpath)");
    }

    @Test
    void classNotNamedLikeTheFileIsRefused() throws IOException {
        Path source = write("Jugfile.java", "class Pipeline { public static void define(jug.core.Jug jug) { } }\n");
        assertThatThrownBy(() -> compile(source))
                .isInstanceOf(JugfileException.class)
                .hasMessage("jobs/Jugfile.java: declares no top-level class Jugfile; the file's public class must be "
                        + "named like the file");
    }

    @Test
    void exceptionInsideDefineNamesTheJugfileLine() throws IOException {
        Path source = write("Jugfile.java", """
                import jug.core.Jug;

                public class Jugfile {
                    public static void define(Jug jug) {
                        helper();
                    }

                    static void helper() {
                        throw new IllegalStateException("no input files");
                    }
                }
                """);
        Jugfile jugfile = compile(source);
        assertThatThrownBy(() -> jugfile.define(new Jug()))
                .isInstanceOf(JugfileException.class)
                .hasMessage("jobs/Jugfile.java:9: exception while declaring tasks: "
                        + "java.lang.IllegalStateException: no input files")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void badDeclarationInsideDefineNamesTheJugfileLine() throws IOException {
        Path source = write("Jugfile.java", """
                import jug.core.Jug;

                public class Jugfile {
                    static int square(int x) {
                        return x * x;
                    }

                    public static void define(Jug jug) {
                        jug.task(Jugfile::square, "three");
                    }
                }
                """);
        Jugfile jugfile = compile(source);
        assertThatThrownBy(() -> jugfile.define(new Jug(source, List.of(), false, ResultSource.none())))
                .isInstanceOf(JugfileException.class)
                .hasMessage(source + ":9: argument 1 of Jugfile.square is String, parameter is int; fix the "
                        + "parameter type or the value (or task) that feeds it");
    }

    @Test
    void compiledClassesAreCachedUnderAKeyOfTheSource() throws IOException {
        Path source = write("Jugfile.java", SQUARES);
        compile(source);
        List<Path> entries = cacheEntries();
        assertThat(entries).hasSize(1);
        try (Stream<Path> files = Files.list(entries.get(0))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("Jugfile.class", "Jugfile$Summary.class");
        }

        compile(source);
        assertThat(cacheEntries()).as("the same source reuses its entry").isEqualTo(entries);

        Files.writeString(source, SQUARES.replace("i <= 3", "i <= 4"));
        compile(source);
        assertThat(cacheEntries()).as("a changed source gets an entry of its own").hasSize(2).containsAll(entries);
    }

    @Test
    void cachedClassesAreLoadedInsteadOfCompilingAgain() throws IOException {
        Path three = write("three/Jugfile.java", SQUARES);
        Path four = write("four/Jugfile.java", SQUARES.replace("i <= 3", "i <= 4"));
        compile(three);
        List<Path> before = cacheEntries();
        compile(four);
        Path fourEntry = cacheEntries().stream().filter(e -> !before.contains(e)).findFirst().orElseThrow();
        // Swap the cached class of `three` for that of `four`: if compile reads the cache, it gets four tasks.
        Files.copy(fourEntry.resolve("Jugfile.class"), before.get(0).resolve("Jugfile.class"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Jug jug = new Jug();
        compile(three).define(jug);

        assertThat(jug.tasks()).hasSize(5);
    }

    @Test
    void cacheHoldsNoTemporaryDirectoriesAfterCompiling() throws IOException {
        compile(write("Jugfile.java", SQUARES));
        try (Stream<Path> all = Files.walk(cache())) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.contains(".tmp-"));
        }
    }

    @Test
    void extraClassPathIsUsedToCompileAndToLoad() throws IOException {
        Path lib = dir.resolve("lib");
        Path helper = write("src/lib/Helper.java", "package lib; public class Helper { public static int base() { "
                + "return 100; } }\n");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", lib.toString(),
                helper.toString());
        assertThat(status).isZero();
        Path source = write("Jugfile.java", """
                import jug.core.Jug;

                public class Jugfile {
                    static int add(int x) {
                        return lib.Helper.base() + x;
                    }

                    public static void define(Jug jug) {
                        jug.task(Jugfile::add, 1);
                    }
                }
                """);
        Jugfile jugfile = Jugfile.compile(source, "Jugfile.java", List.of(lib), cache());
        Jug jug = new Jug();
        jugfile.define(jug);
        assertThat(evaluate(jug.tasks().get(0))).isEqualTo(101);
    }

    @Test
    void precompiledJugfileIsFoundByClassName() {
        Jugfile jugfile = Jugfile.precompiled("jug.fixtures.PrecompiledJugfile", List.of());
        Jug jug = new Jug();
        jugfile.define(jug);
        assertThat(jug.tasks()).extracting(Task::name).containsExactly("jug.fixtures.PrecompiledJugfile.twice");
        assertThat(jugfile.source()).isNull();
        assertThat(jugfile.resultTypes().allows("jug.fixtures.Anything")).isTrue();
    }

    @Test
    void missingPrecompiledClassIsNamed() {
        assertThatThrownBy(() -> Jugfile.precompiled("org.example.Missing", List.of()))
                .isInstanceOf(JugfileException.class)
                .hasMessage("org.example.Missing: no such class on the class path; give a Jugfile.java path, or add "
                        + "the jar or directory that holds the class with --classpath");
    }
}
