package jug.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The functions behind jug's composite declarations ({@link Jug#mapReduce}, {@link Jug#map}, {@link Jug#reduce},
 * {@link Jug#compound}): ordinary task functions whose arguments include the jugfile's own functions.
 */
final class Builtins {
    private Builtins() {
    }

    /** Maps every element of a chunk and folds the results left to right with the reducer. */
    static Object mapAndReduce(TaskFunction.F1<Object, Object> mapper, TaskFunction.F2<Object, Object, Object> reducer,
            List<Object> chunk) throws Exception {
        Object acc = mapper.apply(chunk.get(0));
        for (int i = 1; i < chunk.size(); i++) {
            acc = reducer.apply(acc, mapper.apply(chunk.get(i)));
        }
        return acc;
    }

    /** Folds the values left to right with the reducer. */
    static Object reduceAll(TaskFunction.F2<Object, Object, Object> reducer, List<Object> values) throws Exception {
        Object acc = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            acc = reducer.apply(acc, values.get(i));
        }
        return acc;
    }

    /** Maps every element of a chunk. */
    static List<Object> mapAll(TaskFunction.F1<Object, Object> mapper, List<Object> chunk) throws Exception {
        List<Object> out = new ArrayList<>(chunk.size());
        for (Object x : chunk) {
            out.add(mapper.apply(x));
        }
        return out;
    }

    /** The result of a reduction over no inputs. */
    static Object empty() {
        return null;
    }

    /** The result of a compound task: the value of its sub-graph's final task. */
    static Object collect(Object value) {
        return value;
    }

    /** Stands for a finished compound task, whose sub-graph is not declared again. */
    static Object finishedCompound() {
        throw new JugException("the stored result of a compound task disappeared while its sub-graph was not "
                + "declared; run jug execute again, which declares the sub-graph and computes it");
    }
}
