package jug.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jug.fixtures.Pipelines;
import jug.fixtures.Pipelines.Fit;
import org.junit.jupiter.api.Test;

class CompositeDeclarationsTest {
    private final Jug jug = new Jug();
    private final Map<TaskKey, Object> computed = new HashMap<>();

    /** Computes a task the way a worker does, its inputs first, each once. */
    private Object value(Task<?> task) {
        if (computed.containsKey(task.key())) {
            return computed.get(task.key());
        }
        try {
            Object v = ((FunctionTask<?>) task).run(this::value);
            computed.put(task.key(), v);
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The value of anything a task can take as an argument, tasklets included. */
    private Object valueOfArgument(Object argument) {
        return value(jug.task(Pipelines::id, argument));
    }

    @Test
    void aTaskletIsAViewOfItsBaseThatDependsOnItAndIsNotATaskOfTheGraph() {
        Task<List<Integer>> numbers = jug.task(Pipelines::range, 5);
        Task<Object> third = numbers.get(3);
        assertThat(third).isInstanceOf(Tasklet.class);
        assertThat(third.dependencies()).containsExactly(numbers);
        assertThat(jug.tasks()).containsExactly(numbers);
        assertThat(valueOfArgument(third)).isEqualTo(3);
        assertThat(valueOfArgument(numbers.elements(2))).isEqualTo(List.of(0, 1));
    }

    @Test
    void taskletKeysDependOnTheBaseAndTheDerivation() {
        Task<List<Integer>> five = jug.task(Pipelines::range, 5);
        Task<List<Integer>> six = jug.task(Pipelines::range, 6);
        assertThat(five.get(1).key()).isEqualTo(five.get(1).key()).isNotEqualTo(five.get(2).key())
                .isNotEqualTo(six.get(1).key()).isNotEqualTo(five.key());
        Task<Fit> fit = jug.task(Pipelines::fit, 3);
        assertThat(fit.map(Fit::slope).key()).isNotEqualTo(fit.map(Fit::intercept).key());
    }

    @Test
    void aMappedTaskletAppliesItsMethodAndNestedViewsCompose() {
        Task<Fit> fit = jug.task(Pipelines::fit, 3);
        assertThat(valueOfArgument(fit.map(Fit::slope))).isEqualTo(6.0);
        Task<int[]> pair = jug.task(Pipelines::pair, 7);
        assertThat(valueOfArgument(pair.get(1))).isEqualTo(8);
        Task<List<Integer>> numbers = jug.task(Pipelines::range, 4);
        Task<Object> nested = jug.task(Pipelines::id, List.of(numbers)).get(0);
        assertThat(valueOfArgument(((Task<?>) nested).get(2))).isEqualTo(2);
    }

    @Test
    void aTaskletOfALambdaIsRefused() {
        Task<Fit> fit = jug.task(Pipelines::fit, 3);
        assertThatThrownBy(() -> fit.map(f -> f.slope())).isInstanceOf(JugfileException.class)
                .hasMessageContaining("not a lambda");
    }

    @Test
    void mapReduceDeclaresATreeAndComputesTheFold() {
        Task<Long> total = jug.mapReduce(Pipelines::add, Pipelines::square, Pipelines.range(10), 3, 2);
        // 4 map tasks (3+3+3+1 inputs), then 2 and 1 reductions
        assertThat(jug.tasks()).extracting(Task::name).containsExactly(
                "mapreduce(jug.fixtures.Pipelines.square, jug.fixtures.Pipelines.add)",
                "mapreduce(jug.fixtures.Pipelines.square, jug.fixtures.Pipelines.add)",
                "mapreduce(jug.fixtures.Pipelines.square, jug.fixtures.Pipelines.add)",
                "mapreduce(jug.fixtures.Pipelines.square, jug.fixtures.Pipelines.add)",
                "reduce(jug.fixtures.Pipelines.add)", "reduce(jug.fixtures.Pipelines.add)",
                "reduce(jug.fixtures.Pipelines.add)");
        assertThat(value(total)).isEqualTo(285L);
    }

    @Test
    void reduceAndMapWorkOnTasksAsWellAsValues() {
        List<Task<Long>> squares = jug.map(Pipelines::square, Pipelines.range(5), 2);
        assertThat(squares).hasSize(5).allMatch(t -> t instanceof Tasklet<?>);
        assertThat(jug.tasks()).hasSize(3);
        Task<Long> total = jug.reduce(Pipelines::add, squares, 3);
        assertThat(value(total)).isEqualTo(30L);
        assertThat(jug.map(Pipelines::square, List.of(1, 2))).allMatch(t -> t instanceof FunctionTask<?>);
    }

    @Test
    void reductionsOverNothingGiveNull() {
        assertThat(value(jug.reduce(Pipelines::add, List.of()))).isNull();
        assertThat(value(jug.mapReduce(Pipelines::add, Pipelines::square, List.of()))).isNull();
    }

    @Test
    void mapReduceKeysDependOnTheFunctions() {
        Task<Long> a = jug.mapReduce(Pipelines::add, Pipelines::square, List.of(1, 2));
        Task<Long> b = jug.mapReduce(Pipelines::add, Pipelines::pairSum, List.of(1, 2));
        assertThat(a.key()).isNotEqualTo(b.key());
    }

    @Test
    void anUnfinishedCompoundDeclaresItsSubGraphAndCollectsItsResult() {
        Task<Long> compound = jug.compound(Pipelines::sumOfSquares, 4);
        assertThat(compound.name()).isEqualTo("jug.fixtures.Pipelines.sumOfSquares");
        assertThat(jug.tasks()).hasSizeGreaterThan(4).last().isEqualTo(compound);
        assertThat(value(compound)).isEqualTo(14L);
    }

    @Test
    void aFinishedCompoundIsOneTaskWithTheSameKey() {
        TaskKey key = jug.compound(Pipelines::sumOfSquares, 4).key();
        Jug later = new Jug(null, List.of(), false, finished(Set.of(key)));
        Task<Long> compound = later.compound(Pipelines::sumOfSquares, 4);
        assertThat(compound.key()).isEqualTo(key);
        assertThat(later.tasks()).containsExactly(compound);
        assertThat(compound.dependencies()).isEmpty();
    }

    @Test
    void namedTasksCarryTheirNameInStatusAndIdentity() {
        Task<Long> plain = jug.task(Pipelines::square, 3);
        Task<Long> named = jug.named("squares of interest").task(Pipelines::square, 3);
        assertThat(named.name()).isEqualTo("squares of interest");
        assertThat(named.key()).isNotEqualTo(plain.key());
        assertThatThrownBy(() -> jug.named(" ")).isInstanceOf(JugfileException.class);
    }

    @Test
    void aBarrierStopsTheJugfileUntilTheTasksBeforeItAreFinished() {
        Jug first = new Jug(null, List.of(), false, ResultSource.none());
        assertThatThrownBy(() -> Pipelines.withBarrier(first)).isInstanceOf(BarrierReached.class);
        assertThat(first.reachedBarrier()).isTrue();
        assertThat(first.tasks()).hasSize(1);

        Task<?> numbers = first.tasks().get(0);
        ResultSource done = new ResultSource() {
            @Override
            public boolean isFinished(TaskKey key) {
                return key.equals(numbers.key());
            }

            @Override
            public Optional<Stored> load(Task<?> task) {
                return Optional.of(new Stored(List.of(0, 1, 2)));
            }
        };
        Jug second = new Jug(null, List.of(), false, done);
        Pipelines.withBarrier(second);
        assertThat(second.reachedBarrier()).isFalse();
        assertThat(second.tasks()).hasSize(4);
    }

    private static ResultSource finished(Set<TaskKey> keys) {
        return new ResultSource() {
            @Override
            public boolean isFinished(TaskKey key) {
                return keys.contains(key);
            }

            @Override
            public Optional<Stored> load(Task<?> task) {
                return Optional.empty();
            }
        };
    }
}
