package jug.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jug.fixtures.Declarations;
import jug.fixtures.Declarations.Inner;
import jug.fixtures.Declarations.Pair;
import jug.fixtures.Declarations.Range;
import jug.fixtures.Declarations.TaskHolder;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class JugTest {
    private static final Path FIXTURE = Path.of("src/test/java/jug/fixtures/Declarations.java");

    private final Jug jug = new Jug();

    /** {@code Declarations.java:<line>: }, the line of the fixture marked {@code // site: <name>}. */
    private static String site(String name) {
        try {
            List<String> lines = Files.readAllLines(FIXTURE);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// site: " + name)) {
                    return "Declarations.java:" + (i + 1) + ": ";
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + FIXTURE.toAbsolutePath(), e);
        }
        throw new AssertionError("no line marked '// site: " + name + "' in " + FIXTURE);
    }

    private static void assertRefused(ThrowingCallable declaration, String site, String message) {
        assertThatThrownBy(declaration).isInstanceOf(JugfileException.class).hasMessage(site(site) + message);
    }

    @Test
    void taskIsNamedByClassAndMethod() {
        assertThat(jug.task(Declarations::isPrime, 7).name()).isEqualTo("jug.fixtures.Declarations.isPrime");
    }

    @Test
    void nestedClassNameUsesDotsNotDollars() {
        assertThat(jug.task(Inner::twice, 2).name()).isEqualTo("jug.fixtures.Declarations.Inner.twice");
    }

    @Test
    void constructorReferenceIsNamedNewAndReturnsItsClass() throws Exception {
        Task<Range> range = jug.task(Range::new, 1, 5);
        assertThat(range.name()).isEqualTo("jug.fixtures.Declarations.Range.new");
        assertThat(((FunctionTask<Range>) range).resultType()).isEqualTo(Range.class);
        assertThat(((FunctionTask<Range>) range).run(t -> null)).isEqualTo(new Range(1, 5));
    }

    @Test
    void unboundInstanceMethodTakesItsReceiverAsFirstArgument() throws Exception {
        Task<Integer> length = jug.task(String::length, "héllo");
        assertThat(length.name()).isEqualTo("java.lang.String.length");
        assertThat(((FunctionTask<Integer>) length).run(t -> null)).isEqualTo(5);
        assertRefusedWithoutSite(() -> jug.task(String::length, 5),
                "argument 1 of java.lang.String.length is Integer, parameter is String");
    }

    private static void assertRefusedWithoutSite(ThrowingCallable declaration, String contains) {
        assertThatThrownBy(declaration).isInstanceOf(JugfileException.class).hasMessageContaining(contains);
    }

    @Test
    void lambdaIsRefusedWithAdviceToUseAMethodReference() {
        assertRefused(() -> Declarations.lambda(jug), "lambda",
                "a task needs a method reference such as Declarations::compute, not a lambda (Java also compiles a "
                        + "reference to a varargs method as one); move the body into a static method with fixed "
                        + "parameters and pass a reference to it");
    }

    @Test
    void capturingMethodReferenceIsRefused() {
        assertRefused(() -> Declarations.capturing(jug), "capturing",
                "the method reference to java.lang.String.concat captures a value (such as the object in obj::method), "
                        + "which would not be part of the task's hash; use a static method, or an unbound reference "
                        + "like Type::method, and pass the value as an argument");
    }

    @Test
    void anonymousClassIsRefused() {
        assertThatThrownBy(() -> Declarations.anonymousClass(jug))
                .isInstanceOf(JugfileException.class)
                .hasMessageStartingWith(site("anonymousClass") + "a task needs a method reference such as "
                        + "Jugfile::compute, got an object of jug.fixtures.Declarations$");
    }

    @Test
    void wrongScalarIsRefusedNamingTaskArgumentAndLine() {
        assertRefused(() -> Declarations.wrongScalar(jug), "wrongScalar",
                "argument 1 of jug.fixtures.Declarations.isPrime is String, parameter is int; fix the parameter type "
                        + "or the value (or task) that feeds it");
    }

    @Test
    void longIsRefusedForAnIntParameter() {
        assertRefused(() -> Declarations.longForInt(jug), "longForInt",
                "argument 1 of jug.fixtures.Declarations.isPrime is Long, parameter is int; fix the parameter type "
                        + "or the value (or task) that feeds it");
    }

    @Test
    void nullIsRefusedForAPrimitiveParameterButAcceptedForABoxedOne() {
        assertRefused(() -> Declarations.nullForInt(jug), "nullForInt",
                "argument 1 of jug.fixtures.Declarations.isPrime is null, parameter is int; fix the parameter type "
                        + "or the value (or task) that feeds it");
        assertThat(jug.task(Declarations::boxedSquare, null)).isNotNull();
    }

    @Test
    void boxedAndPrimitiveValuesAndTasksFitEachOther() {
        Task<Integer> boxed = jug.task(Declarations::boxedSquare, 3);
        assertThat(jug.task(Declarations::square, boxed).dependencies()).containsExactly(boxed);
        Task<Integer> primitive = jug.task(Declarations::square, 3);
        assertThat(jug.task(Declarations::boxedSquare, primitive).dependencies()).containsExactly(primitive);
        assertThat(jug.task(Declarations::boxedSquare, Integer.valueOf(4))).isNotNull();
    }

    @Test
    void taskOfTheWrongResultTypeIsRefused() {
        assertRefused(() -> Declarations.booleanTaskForInt(jug), "booleanTaskForInt",
                "argument 1 of jug.fixtures.Declarations.isPrime is Task<Boolean>, parameter is int; fix the parameter "
                        + "type or the value (or task) that feeds it");
    }

    @Test
    void listOfIntegerTasksIsRefusedForAListOfBooleans() {
        assertRefused(() -> Declarations.integerTasksForBooleans(jug), "integerTasksForBooleans",
                "argument 1 of jug.fixtures.Declarations.countTrue is List<Task<Integer>>, parameter is "
                        + "List<Boolean>; fix the parameter type or the value (or task) that feeds it");
    }

    @Test
    void arrayOfBooleanTasksIsRefusedForAnIntArray() {
        assertRefused(() -> Declarations.booleanTasksForIntArray(jug), "booleanTasksForIntArray",
                "argument 1 of jug.fixtures.Declarations.sum is Task<Boolean>[], parameter is int[]; fix the "
                        + "parameter type or the value (or task) that feeds it");
    }

    @Test
    void listIsRefusedForAnArray() {
        assertRefused(() -> Declarations.listForArray(jug), "listForArray",
                "argument 1 of jug.fixtures.Declarations.sum is List<Integer>, parameter is int[]; fix the parameter "
                        + "type or the value (or task) that feeds it");
    }

    @Test
    void mapHoldingATaskOfTheWrongTypeIsRefused() {
        assertRefused(() -> Declarations.stringTaskInMap(jug), "stringTaskInMap",
                "argument 1 of jug.fixtures.Declarations.total is Map<String, Task<String>>, parameter is "
                        + "Map<String, Integer>; fix the parameter type or the value (or task) that feeds it");
    }

    @Test
    void unhashableArgumentIsRefusedWithItsPathAndRemedies() {
        assertRefused(() -> Declarations.threadArgument(jug), "thread",
                "argument 1, element 1 of jug.fixtures.Declarations.describe has type java.lang.Thread, which has no "
                        + "stable hash; pass a value (number, string, enum, record, list, set, map, array, Path), wrap "
                        + "it as CustomHash.of(value, fingerprint), or NoHash.of(value) to leave it out of the task's "
                        + "identity");
    }

    @Test
    void referenceToAVarargsMethodIsRefusedLikeALambdaSayingWhy() {
        // javac compiles a reference that spreads arguments over varargs as a synthetic lambda.
        assertRefused(() -> Declarations.tooManyVarargs(jug), "varargs",
                "a task needs a method reference such as Declarations::compute, not a lambda (Java also compiles a "
                        + "reference to a varargs method as one); move the body into a static method with fixed "
                        + "parameters and pass a reference to it");
    }

    @Test
    void taskOfAnotherJugIsRefused() {
        Task<Integer> foreign = new Jug().task(Declarations::square, 2);
        assertRefusedWithoutSite(() -> jug.task(Declarations::square, foreign),
                "argument 1 of jug.fixtures.Declarations.square is a task declared by another Jug; declare every "
                        + "task of a graph with one Jug");
    }

    @Test
    void dependenciesAreFoundInNestedContainersAndRecordsInOrderWithoutRepeats() {
        Task<Integer> a = jug.task(Declarations::square, 1);
        Task<Integer> b = jug.task(Declarations::square, 2);
        Task<Integer> c = jug.task(Declarations::square, 3);
        Task<Integer> d = jug.task(Declarations::square, 4);
        Task<Integer> e = jug.task(Declarations::square, 5);
        Task<Integer> f = jug.task(Declarations::square, 6);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("first", List.of(b, a));
        map.put("second", new Object[] {new Pair<>(c, List.of(a))});
        Object argument = List.of(map, Set.of(d), NoHash.of(e), new CustomHash<>(f, "f"), a);

        Task<String> shown = jug.task(Declarations::show, argument);

        assertThat(shown.dependencies()).containsExactly(b, a, c, d, e, f);
        assertThat(jug.task(Declarations::show, Map.of(a, "task as a key")).dependencies()).containsExactly(a);
    }

    @Test
    void taskInsideAnOptionalIsADependencyAndIsReplacedByItsValue() throws Exception {
        Task<Integer> three = jug.task(Declarations::square, 3);
        Task<Integer> fromOptional = jug.task(Declarations::orZero, Optional.of(three));
        assertThat(fromOptional.dependencies()).containsExactly(three);
        assertThat(((FunctionTask<Integer>) fromOptional).run(t -> 9)).isEqualTo(9);
    }

    @Test
    void equalDeclarationsGiveOneTask() {
        Task<Boolean> first = jug.task(Declarations::isPrime, 7);
        Task<Boolean> second = jug.task(Declarations::isPrime, Integer.valueOf(7));
        Task<Boolean> other = jug.task(Declarations::isPrime, 11);
        Task<String> listed = jug.task(Declarations::show, new ArrayList<>(List.of(first, 1)));
        Task<String> listedAgain = jug.task(Declarations::show, Arrays.asList(second, 1));

        assertThat(second).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(listedAgain).isSameAs(listed);
        assertThat(jug.tasks()).containsExactly(first, other, listed);
    }

    @Test
    void declarationsDifferingOnlyInNoHashGiveOneTask() {
        Task<String> first = jug.task(Declarations::show, NoHash.of("scratch-1"));
        Task<String> second = jug.task(Declarations::show, NoHash.of("scratch-2"));
        assertThat(second).isSameAs(first);
    }

    @Test
    void tasksAreListedInDeclarationOrderWhichIsADependencyOrder() {
        Task<Integer> a = jug.task(Declarations::square, 2);
        Task<Integer> b = jug.task(Declarations::square, a);
        Task<String> c = jug.task(Declarations::show, List.of(b, a));
        assertThat(jug.tasks()).containsExactly(a, b, c);
        assertThat(jug.graph().tasks()).containsExactly(a, b, c);
    }

    @Test
    void jugKnowsItsSourceArgumentsAndMode() {
        Jug running = new Jug(Path.of("Jugfile.java"), List.of("--fast"), true, ResultSource.none());
        assertThat(running.source()).contains(Path.of("Jugfile.java"));
        assertThat(running.args()).containsExactly("--fast");
        assertThat(running.isRunning()).isTrue();
        assertThat(jug.source()).isEmpty();
        assertThat(jug.isRunning()).isFalse();
    }

    @Test
    void describeAbbreviatesArguments() {
        Task<Integer> a = jug.task(Declarations::square, 2);
        FunctionTask<?> shown = (FunctionTask<?>) jug.task(Declarations::show, List.of(a, 1, 2));
        FunctionTask<?> text = (FunctionTask<?>) jug.task(Declarations::show, "x".repeat(100));
        assertThat(((FunctionTask<?>) a).describe()).isEqualTo("jug.fixtures.Declarations.square(2)");
        assertThat(shown.describe()).isEqualTo("jug.fixtures.Declarations.show(List<Task<Integer>>[3 items])");
        assertThat(text.describe()).hasSize("jug.fixtures.Declarations.show()".length() + 40).endsWith("...\")");
    }

    @Test
    void recordComponentThatCannotReceiveItsTasksResultIsRefused() {
        Task<Integer> a = jug.task(Declarations::square, 2);
        assertRefusedWithoutSite(() -> jug.task(Declarations::unwrap, new TaskHolder(a)),
                "argument 1 of jug.fixtures.Declarations.unwrap holds Task<Integer> in component 'task' of "
                        + "Declarations.TaskHolder, whose type is Task<Integer>; give the component the type of the "
                        + "task's result, or a type variable, since the task runs with the result in its place");
        assertRefusedWithoutSite(() -> jug.task(Declarations::show, List.of(new Range(1, 2), new TaskHolder(a))),
                "argument 1 of jug.fixtures.Declarations.show holds Task<Integer> in component 'task' of "
                        + "Declarations.TaskHolder");
    }

    @Test
    void taskInsideAnOptionalOfTheWrongTypeIsRefused() {
        Task<String> text = jug.task(Declarations::show, 1);
        assertRefusedWithoutSite(() -> jug.task(Declarations::orZero, Optional.of(text)),
                "argument 1 of jug.fixtures.Declarations.orZero is Optional<Task<String>>, parameter is "
                        + "Optional<Integer>");
    }
}
