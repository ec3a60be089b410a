package jug.core;

import java.util.List;

/**
 * A declared computation whose result jug stores and reuses: a function applied to arguments, identified by a hash
 * of the function's name and the arguments. Made by {@link Jug#task}; pass a task as an argument of another task to
 * make the second depend on the first. {@code R} is the type of its result.
 */
public sealed interface Task<R> permits FunctionTask, Tasklet {
    /** The name of the function, such as {@code Jugfile.isPrime}: class and method name. */
    String name();

    /** The identity of this task: a hash of its name and its arguments (a task argument contributes its key). */
    TaskKey key();

    /** The stored tasks whose results this task needs, in the order its arguments name them, without repeats. */
    List<Task<?>> dependencies();

    /**
     * A view of element {@code index} of this task's result (a list or an array): a {@link Tasklet}, usable as an
     * argument wherever a task is, and never stored (Python jug's {@code task[index]}).
     */
    default <E> Task<E> get(int index) {
        return Tasklet.element(this, index);
    }

    /**
     * A view of this task's result with {@code f} applied to it, such as a record's accessor:
     * {@code fit.map(Fit::slope)}. A {@link Tasklet}: never stored, recomputed where it is used.
     */
    default <S> Task<S> map(TaskFunction.F1<? super R, S> f) {
        return Tasklet.mapped(this, f);
    }

    /**
     * Views of the first {@code n} elements of this task's result, for a task that returns several values at once
     * (Python jug's {@code iteratetask}).
     */
    default <E> List<Task<E>> elements(int n) {
        List<Task<E>> views = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            views.add(get(i));
        }
        return views;
    }
}
