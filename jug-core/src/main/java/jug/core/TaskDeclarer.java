package jug.core;

import jug.core.TaskFunction.F0;
import jug.core.TaskFunction.F1;
import jug.core.TaskFunction.F2;
import jug.core.TaskFunction.F3;
import jug.core.TaskFunction.F4;
import jug.core.TaskFunction.F5;
import jug.core.TaskFunction.F6;
import jug.core.TaskFunction.F7;
import jug.core.TaskFunction.F8;

/**
 * Declares tasks: {@code task(Jugfile::f, args...)} for functions of up to eight parameters. {@link Jug} names each
 * task after its method; {@link Jug#named} gives a name of your choice.
 */
public sealed interface TaskDeclarer permits Jug, Jug.Named {
    /**
     * Declares the task that applies {@code f} to {@code arguments}, named {@code name} (or after the method, if
     * null); every {@code task} overload calls this.
     */
    <R> Task<R> declare(String name, TaskFunction f, Object... arguments);

    /** Declares the task {@code f()}. */
    default <R> Task<R> task(F0<R> f) {
        return declare(null, f);
    }

    /** Declares the task {@code f(a)}; {@code a} may be a value or a task, or hold tasks. */
    default <A, R> Task<R> task(F1<A, R> f, Object a) {
        return declare(null, f, a);
    }

    /** Declares the task {@code f(a, b)}. */
    default <A, B, R> Task<R> task(F2<A, B, R> f, Object a, Object b) {
        return declare(null, f, a, b);
    }

    /** Declares the task {@code f(a, b, c)}. */
    default <A, B, C, R> Task<R> task(F3<A, B, C, R> f, Object a, Object b, Object c) {
        return declare(null, f, a, b, c);
    }

    /** Declares the task {@code f(a, b, c, d)}. */
    default <A, B, C, D, R> Task<R> task(F4<A, B, C, D, R> f, Object a, Object b, Object c, Object d) {
        return declare(null, f, a, b, c, d);
    }

    /** Declares the task {@code f(a, b, c, d, e)}. */
    default <A, B, C, D, E, R> Task<R> task(F5<A, B, C, D, E, R> f, Object a, Object b, Object c, Object d, Object e) {
        return declare(null, f, a, b, c, d, e);
    }

    /** Declares the task {@code f(a, b, c, d, e, g)}. */
    default <A, B, C, D, E, G, R> Task<R> task(F6<A, B, C, D, E, G, R> f, Object a, Object b, Object c, Object d,
            Object e, Object g) {
        return declare(null, f, a, b, c, d, e, g);
    }

    /** Declares the task {@code f(a, b, c, d, e, g, h)}. */
    default <A, B, C, D, E, G, H, R> Task<R> task(F7<A, B, C, D, E, G, H, R> f, Object a, Object b, Object c,
            Object d, Object e, Object g, Object h) {
        return declare(null, f, a, b, c, d, e, g, h);
    }

    /** Declares the task {@code f(a, b, c, d, e, g, h, i)}. */
    default <A, B, C, D, E, G, H, I, R> Task<R> task(F8<A, B, C, D, E, G, H, I, R> f, Object a, Object b, Object c,
            Object d, Object e, Object g, Object h, Object i) {
        return declare(null, f, a, b, c, d, e, g, h, i);
    }

}
