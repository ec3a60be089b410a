package jug.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jug.fixtures.Declarations;
import jug.fixtures.Declarations.Pair;
import org.junit.jupiter.api.Test;

class FunctionTaskTest {
    private final Jug jug = new Jug();
    private final Task<Integer> two = jug.task(Declarations::square, 2);
    private final Task<Integer> three = jug.task(Declarations::square, 3);
    private final Map<Task<?>, Object> values = Map.of(two, 4, three, 9);
    private final Function<Task<?>, Object> valueOf = t -> {
        assertThat(values).as("asked for the value of %s", t).containsKey(t);
        return values.get(t);
    };

    private Object run(Task<?> task) throws Exception {
        return ((FunctionTask<?>) task).run(valueOf);
    }

    @Test
    void runCallsTheFunctionWithPlainArguments() throws Exception {
        assertThat(run(jug.task(Declarations::square, 7))).isEqualTo(49);
        assertThat(run(jug.task(Declarations::isPrime, 7))).isEqualTo(true);
    }

    @Test
    void taskArgumentIsReplacedByItsValue() throws Exception {
        assertThat(run(jug.task(Declarations::square, two))).isEqualTo(16);
        assertThat(run(jug.task(Declarations::show, two))).isEqualTo("4");
    }

    @Test
    void tasksInsideAListAreReplaced() throws Exception {
        Task<Integer> one = jug.task(Declarations::square, 1);
        Task<Long> count = jug.task(Declarations::countTrue, List.of(jug.task(Declarations::isPrime, two),
                jug.task(Declarations::isPrime, 3), jug.task(Declarations::isPrime, one)));
        Map<Task<?>, Object> flags = new HashMap<>();
        for (Task<?> d : count.dependencies()) {
            flags.put(d, !d.equals(count.dependencies().get(2)));
        }
        assertThat(((FunctionTask<?>) count).run(flags::get)).isEqualTo(2L);
        assertThat(run(jug.task(Declarations::show, List.of(two, 5, List.of(three))))).isEqualTo("[4, 5, [9]]");
    }

    @Test
    void tasksInsideAMapAreReplacedInKeysAndValues() throws Exception {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("two", two);
        counts.put("ten", 10);
        assertThat(run(jug.task(Declarations::total, counts))).isEqualTo(14L);
        assertThat(run(jug.task(Declarations::show, Map.of(two, "key")))).isEqualTo("{4=key}");
    }

    @Test
    void tasksInsideASetAreReplaced() throws Exception {
        assertThat(run(jug.task(Declarations::show, new LinkedHashSet<>(List.of(two, three)))))
                .isEqualTo("[4, 9]");
        Task<String> word = jug.task(Declarations::show, 1);
        Object size = ((FunctionTask<?>) jug.task(Declarations::size, Set.of(word, "other"))).run(t -> "one");
        assertThat(size).isEqualTo(2);
    }

    @Test
    void tasksInsideAnObjectArrayAreReplacedInAnArrayOfTheParameterType() throws Exception {
        assertThat(run(jug.task(Declarations::sumBoxed, new Object[] {two, three, 1}))).isEqualTo(14);
        assertThat(run(jug.task(Declarations::describe, new Object[] {two, "x"}))).isEqualTo("Object[][4, x]");
    }

    @Test
    void tasksInsideAnArrayForAPrimitiveArrayParameterBecomeAPrimitiveArray() throws Exception {
        assertThat(run(jug.task(Declarations::sum, new Object[] {two, three}))).isEqualTo(13);
    }

    @Test
    void tasksInsideARecordAreReplacedThroughGenericComponents() throws Exception {
        assertThat(run(jug.task(Declarations::addPair, new Pair<>(two, three)))).isEqualTo(13);
        assertThat(run(jug.task(Declarations::addPair, new Pair<>(two, 1)))).isEqualTo(5);
        assertThat(run(jug.task(Declarations::show, new Pair<>(List.of(two), Map.of("k", three)))))
                .isEqualTo("Pair[first=[4], second={k=9}]");
    }

    @Test
    void wrappersAreUnwrappedAndTheirTasksReplaced() throws Exception {
        assertThat(run(jug.task(Declarations::square, NoHash.of(two)))).isEqualTo(16);
        assertThat(run(jug.task(Declarations::square, new CustomHash<>(three, "nine")))).isEqualTo(81);
        assertThat(run(jug.task(Declarations::show, List.of(NoHash.of(two), new CustomHash<>("v", "f")))))
                .isEqualTo("[4, v]");
    }

    @Test
    void argumentsWithoutTasksArePassedAsTheyAre() throws Exception {
        List<Integer> list = List.of(1, 2);
        Task<String> shown = jug.task(Declarations::describe, list);
        assertThat(run(shown)).isEqualTo("[1, 2]");
        int[] array = {1, 2};
        assertThat(run(jug.task(Declarations::describe, array))).isEqualTo("int[][1, 2]");
    }

    @Test
    void exceptionOfTheFunctionPropagates() {
        Task<Integer> failing = jug.task(Declarations::sumBoxed, new Object[] {two, null});
        assertThatThrownBy(() -> run(failing)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNamesTheTaskAndItsShortKey() {
        assertThat(two.toString()).isEqualTo("Task jug.fixtures.Declarations.square@" + two.key().shortHex());
        assertThat(two.key().shortHex()).hasSize(12);
    }
}
