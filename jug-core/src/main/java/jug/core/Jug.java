package jug.core;

import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jug.core.TaskFunction.F0;
import jug.core.TaskFunction.F1;
import jug.core.TaskFunction.F2;
import jug.core.TaskFunction.F3;
import jug.core.TaskFunction.F4;
import jug.core.TaskFunction.F5;
import jug.core.TaskFunction.F6;
import jug.core.TaskFunction.F7;
import jug.core.TaskFunction.F8;
import jug.core.graph.TaskGraph;
import jug.core.hash.CanonicalEncoder;
import jug.core.hash.UnhashableArgumentException;

/**
 * What a jugfile declares its tasks with. A jugfile's {@code public static void define(Jug jug)} calls
 * {@link #task} with method references and arguments; each call declares a {@link Task} whose arguments may be
 * values or other tasks (also nested in lists, sets, maps, arrays and records):
 *
 * <pre>{@code
 * public static void define(Jug jug) {
 *     var flags = new ArrayList<Task<Boolean>>();
 *     for (int n = 2; n < 1000; n++) flags.add(jug.task(Jugfile::isPrime, n));
 *     jug.task(Jugfile::countPrimes, flags);
 * }
 * }</pre>
 *
 * <p>Each declaration is checked at once: a lambda, an argument whose type does not fit the method's parameter, or
 * an argument with no stable hash fails with a {@link JugfileException} naming the jugfile line. Declaring the same
 * function with equal arguments twice gives the same task. Not thread-safe: a jugfile declares from one thread.
 */
public final class Jug {
    private final Path source;
    private final List<String> args;
    private final boolean running;
    private final ResultSource results;
    private boolean barrierReached;
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    private final Map<Class<?>, TaskMethod> methods = new HashMap<>();
    private final Map<TaskKey, FunctionTask<?>> tasks = new LinkedHashMap<>();

    /**
     * A jug for the jugfile at {@code source} (null when tasks are declared from plain Java code), which receives
     * {@code args}, runs under {@code jug execute} if {@code running}, and sees stored results through
     * {@code results} (for barriers and {@link #value}).
     */
    public Jug(Path source, List<String> args, boolean running, ResultSource results) {
        this.source = source;
        this.args = List.copyOf(args);
        this.running = running;
        this.results = results;
    }

    /** A jug for tasks declared from plain Java code, with no arguments and no stored results. */
    public Jug() {
        this(null, List.of(), false, ResultSource.none());
    }

    /**
     * Stops the jugfile here unless every task declared so far is finished, so that what follows can look at their
     * results (with {@link #value}). {@code jug execute} runs the tasks before the barrier, then evaluates the
     * jugfile again; {@code jug status} shows the tasks known so far.
     */
    public void barrier() {
        for (FunctionTask<?> t : tasks.values()) {
            if (!results.isFinished(t.key())) {
                barrierReached = true;
                throw new BarrierReached("barrier: " + t.name() + "@" + t.key().shortHex() + " is not finished");
            }
        }
    }

    /**
     * The result of {@code task}, for a jugfile that decides what to declare next from it. If the result is not
     * stored yet this works as a {@link #barrier()}: the jugfile stops here and is evaluated again once it is.
     */
    @SuppressWarnings("unchecked")
    public <R> R value(Task<R> task) {
        if (results.isFinished(task.key())) {
            Optional<ResultSource.Stored> stored = results.load(task);
            if (stored.isPresent()) {
                return (R) stored.get().value();
            }
        }
        barrierReached = true;
        throw new BarrierReached("value of " + task.name() + "@" + task.key().shortHex() + " is not stored yet");
    }

    /** True if the jugfile stopped at a barrier (or a {@link #value}) whose tasks were not finished. */
    public boolean reachedBarrier() {
        return barrierReached;
    }

    /** Declares the task {@code f()}. */
    public <R> Task<R> task(F0<R> f) {
        return declare(f);
    }

    /** Declares the task {@code f(a)}; {@code a} may be a value or a task, or hold tasks. */
    public <A, R> Task<R> task(F1<A, R> f, Object a) {
        return declare(f, a);
    }

    /** Declares the task {@code f(a, b)}. */
    public <A, B, R> Task<R> task(F2<A, B, R> f, Object a, Object b) {
        return declare(f, a, b);
    }

    /** Declares the task {@code f(a, b, c)}. */
    public <A, B, C, R> Task<R> task(F3<A, B, C, R> f, Object a, Object b, Object c) {
        return declare(f, a, b, c);
    }

    /** Declares the task {@code f(a, b, c, d)}. */
    public <A, B, C, D, R> Task<R> task(F4<A, B, C, D, R> f, Object a, Object b, Object c, Object d) {
        return declare(f, a, b, c, d);
    }

    /** Declares the task {@code f(a, b, c, d, e)}. */
    public <A, B, C, D, E, R> Task<R> task(F5<A, B, C, D, E, R> f, Object a, Object b, Object c, Object d, Object e) {
        return declare(f, a, b, c, d, e);
    }

    /** Declares the task {@code f(a, b, c, d, e, g)}. */
    public <A, B, C, D, E, G, R> Task<R> task(F6<A, B, C, D, E, G, R> f, Object a, Object b, Object c, Object d,
            Object e, Object g) {
        return declare(f, a, b, c, d, e, g);
    }

    /** Declares the task {@code f(a, b, c, d, e, g, h)}. */
    public <A, B, C, D, E, G, H, R> Task<R> task(F7<A, B, C, D, E, G, H, R> f, Object a, Object b, Object c,
            Object d, Object e, Object g, Object h) {
        return declare(f, a, b, c, d, e, g, h);
    }

    /** Declares the task {@code f(a, b, c, d, e, g, h, i)}. */
    public <A, B, C, D, E, G, H, I, R> Task<R> task(F8<A, B, C, D, E, G, H, I, R> f, Object a, Object b, Object c,
            Object d, Object e, Object g, Object h, Object i) {
        return declare(f, a, b, c, d, e, g, h, i);
    }

    /** The arguments given to the jugfile after {@code --} on the command line. */
    public List<String> args() {
        return args;
    }

    /** True when the jugfile is being run by {@code jug execute} (Python jug's {@code is_jug_running()}). */
    public boolean isRunning() {
        return running;
    }

    /** The jugfile this jug declares tasks for, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** Every task declared so far, in declaration order (which is a dependency order). */
    public List<Task<?>> tasks() {
        return List.copyOf(tasks.values());
    }

    /** The graph of the tasks declared so far. */
    public TaskGraph graph() {
        return TaskGraph.of(new ArrayList<>(tasks.values()));
    }

    @SuppressWarnings("unchecked")
    private <R> Task<R> declare(TaskFunction f, Object... arguments) {
        TaskMethod method = methods.get(f.getClass());
        if (method == null) {
            try {
                method = TaskMethod.of(f);
            } catch (JugfileException e) {
                throw new JugfileException(DeclarationSite.find(source) + e.getMessage(), e);
            }
            methods.put(f.getClass(), method);
        }
        checkTypes(method, arguments);
        TaskKey key;
        try {
            key = encoder.taskKey(method.name(), arguments);
        } catch (UnhashableArgumentException e) {
            throw new JugfileException(DeclarationSite.find(source) + e.path() + " of " + method.name() + " has type "
                    + e.type().getName() + ", which has no stable hash; pass a value (number, string, enum, record, "
                    + "list, set, map, array, Path), wrap it as CustomHash.of(value, fingerprint), or NoHash.of(value) "
                    + "to leave it out of the task's identity");
        }
        FunctionTask<?> existing = tasks.get(key);
        if (existing != null) {
            return (Task<R>) existing;
        }
        Set<Task<?>> dependencies = new LinkedHashSet<>();
        for (Object a : arguments) {
            Arguments.collectTasks(a, dependencies);
        }
        FunctionTask<R> task = new FunctionTask<>(method, f, arguments.clone(), key, List.copyOf(dependencies));
        tasks.put(key, task);
        return task;
    }

    private void checkTypes(TaskMethod method, Object[] arguments) {
        List<Type> parameters = method.parameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Task<?> t && !(t instanceof FunctionTask<?>)) {
                continue;
            }
            if (argument instanceof FunctionTask<?> t && tasks.get(t.key()) != t) {
                throw new JugfileException(DeclarationSite.find(source) + "argument " + (i + 1) + " of " + method.name()
                        + " is a task declared by another Jug; declare every task of a graph with one Jug");
            }
            String found = Arguments.mismatch(argument, parameters.get(i));
            if (found != null) {
                throw new JugfileException(DeclarationSite.find(source) + "argument " + (i + 1) + " of " + method.name()
                        + " is " + found + ", parameter is " + Arguments.typeName(parameters.get(i))
                        + "; fix the parameter type or the value (or task) that feeds it");
            }
            String misplaced = Arguments.containsTask(argument) ? Arguments.misplacedTask(argument) : null;
            if (misplaced != null) {
                throw new JugfileException(DeclarationSite.find(source) + "argument " + (i + 1) + " of " + method.name()
                        + " holds " + misplaced + "; give the component the type of the task's result, or a type "
                        + "variable, since the task runs with the result in its place");
            }
        }
    }
}
