package jug.core;

import java.io.Serializable;

/**
 * The functions a task can run: one functional interface per number of parameters, all serializable so that jug can
 * read the name of the method a reference points to. Users do not write these types; they pass method references
 * such as {@code Jugfile::isPrime} to {@link Jug#task}. Every function may throw, since pipelines do I/O.
 */
public sealed interface TaskFunction extends Serializable
        permits TaskFunction.F0, TaskFunction.F1, TaskFunction.F2, TaskFunction.F3, TaskFunction.F4,
                TaskFunction.F5, TaskFunction.F6, TaskFunction.F7, TaskFunction.F8 {

    /** A function of no arguments. */
    @FunctionalInterface
    non-sealed interface F0<R> extends TaskFunction {
        R apply() throws Exception;
    }

    /** A function of one argument. */
    @FunctionalInterface
    non-sealed interface F1<A, R> extends TaskFunction {
        R apply(A a) throws Exception;
    }

    /** A function of two arguments. */
    @FunctionalInterface
    non-sealed interface F2<A, B, R> extends TaskFunction {
        R apply(A a, B b) throws Exception;
    }

    /** A function of three arguments. */
    @FunctionalInterface
    non-sealed interface F3<A, B, C, R> extends TaskFunction {
        R apply(A a, B b, C c) throws Exception;
    }

    /** A function of four arguments. */
    @FunctionalInterface
    non-sealed interface F4<A, B, C, D, R> extends TaskFunction {
        R apply(A a, B b, C c, D d) throws Exception;
    }

    /** A function of five arguments. */
    @FunctionalInterface
    non-sealed interface F5<A, B, C, D, E, R> extends TaskFunction {
        R apply(A a, B b, C c, D d, E e) throws Exception;
    }

    /** A function of six arguments. */
    @FunctionalInterface
    non-sealed interface F6<A, B, C, D, E, F, R> extends TaskFunction {
        R apply(A a, B b, C c, D d, E e, F f) throws Exception;
    }

    /** A function of seven arguments. */
    @FunctionalInterface
    non-sealed interface F7<A, B, C, D, E, F, G, R> extends TaskFunction {
        R apply(A a, B b, C c, D d, E e, F f, G g) throws Exception;
    }

    /** A function of eight arguments. */
    @FunctionalInterface
    non-sealed interface F8<A, B, C, D, E, F, G, H, R> extends TaskFunction {
        R apply(A a, B b, C c, D d, E e, F f, G g, H h) throws Exception;
    }

    /**
     * The name of the method {@code function} refers to, such as {@code Jugfile.isPrime}, as task names use it.
     *
     * @throws JugfileException if it is a lambda or captures a value
     */
    static String nameOf(TaskFunction function) {
        return TaskMethod.of(function).name();
    }

    /** Calls {@code function} with {@code args}; their count must match the function's arity. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object invoke(TaskFunction function, Object[] a) throws Exception {
        if (arity(function) != a.length) {
            throw new IllegalArgumentException("a function of " + arity(function) + " parameters got " + a.length + " arguments");
        }
        if (function instanceof F0 f) {
            return f.apply();
        } else if (function instanceof F1 f) {
            return f.apply(a[0]);
        } else if (function instanceof F2 f) {
            return f.apply(a[0], a[1]);
        } else if (function instanceof F3 f) {
            return f.apply(a[0], a[1], a[2]);
        } else if (function instanceof F4 f) {
            return f.apply(a[0], a[1], a[2], a[3]);
        } else if (function instanceof F5 f) {
            return f.apply(a[0], a[1], a[2], a[3], a[4]);
        } else if (function instanceof F6 f) {
            return f.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
        } else if (function instanceof F7 f) {
            return f.apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
        } else {
            return ((F8) function).apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
        }
    }

    /** The number of parameters of {@code function}'s interface. */
    static int arity(TaskFunction function) {
        if (function instanceof F0) {
            return 0;
        } else if (function instanceof F1) {
            return 1;
        } else if (function instanceof F2) {
            return 2;
        } else if (function instanceof F3) {
            return 3;
        } else if (function instanceof F4) {
            return 4;
        } else if (function instanceof F5) {
            return 5;
        } else if (function instanceof F6) {
            return 6;
        } else if (function instanceof F7) {
            return 7;
        }
        return 8;
    }
}
