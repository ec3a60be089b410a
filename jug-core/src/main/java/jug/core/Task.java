package jug.core;

import java.util.List;

/**
 * A declared computation whose result jug stores and reuses: a function applied to arguments, identified by a hash
 * of the function's name and the arguments. Made by {@link Jug#task}; pass a task as an argument of another task to
 * make the second depend on the first. {@code R} is the type of its result.
 */
public sealed interface Task<R> permits FunctionTask {
    /** The name of the function, such as {@code Jugfile.isPrime}: class and method name. */
    String name();

    /** The identity of this task: a hash of its name and its arguments (a task argument contributes its key). */
    TaskKey key();

    /** The tasks whose results this task needs, in the order their arguments name them, without repeats. */
    List<Task<?>> dependencies();
}
