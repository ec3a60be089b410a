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
public final class Jug implements TaskDeclarer {
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

    /** {@link #mapReduce(TaskFunction.F2, TaskFunction.F1, List, int, int)} with 4 inputs per map task and 8 per reduction. */
    public <T, M> Task<M> mapReduce(TaskFunction.F2<M, M, M> reducer, TaskFunction.F1<T, M> mapper, List<?> inputs) {
        return mapReduce(reducer, mapper, inputs, 4, 8);
    }

    /**
     * Declares {@code reduce(reducer, map(mapper, inputs))} as a tree of tasks: each task maps {@code mapStep} inputs
     * and folds their results, then tasks of {@code reduceStep} partial results fold those, level by level, down to
     * one task, whose result is returned. Inputs may be values or tasks. Over no inputs the result is null.
     */
    public <T, M> Task<M> mapReduce(TaskFunction.F2<M, M, M> reducer, TaskFunction.F1<T, M> mapper, List<?> inputs,
            int mapStep, int reduceStep) {
        requireSteps(mapStep, reduceStep);
        String name = "mapreduce(" + method(mapper).name() + ", " + method(reducer).name() + ")";
        if (inputs.isEmpty()) {
            return cast(named(name).task(Builtins::empty));
        }
        List<Task<M>> partials = new ArrayList<>();
        for (List<?> chunk : chunks(inputs, mapStep)) {
            partials.add(cast(named(name).task(Builtins::mapAndReduce, mapper, reducer, chunk)));
        }
        return reduceLevels(reducer, partials, reduceStep);
    }

    /** {@link #reduce(TaskFunction.F2, List, int)} with 8 values per task. */
    public <M> Task<M> reduce(TaskFunction.F2<M, M, M> reducer, List<?> inputs) {
        return reduce(reducer, inputs, 8);
    }

    /**
     * Declares the left fold of {@code inputs} (values or tasks) with {@code reducer} as a tree of tasks, each folding
     * {@code reduceStep} values. Over no inputs the result is null.
     */
    public <M> Task<M> reduce(TaskFunction.F2<M, M, M> reducer, List<?> inputs, int reduceStep) {
        requireSteps(1, reduceStep);
        if (inputs.isEmpty()) {
            return cast(named("reduce(" + method(reducer).name() + ")").task(Builtins::empty));
        }
        return reduceLevels(reducer, inputs, reduceStep);
    }

    /** {@link #map(TaskFunction.F1, List, int)} with one task per input. */
    public <T, M> List<Task<M>> map(TaskFunction.F1<T, M> mapper, List<?> inputs) {
        return map(mapper, inputs, 1);
    }

    /**
     * Declares {@code mapper} over every input: one task per input if {@code mapStep} is 1, else one task per chunk of
     * {@code mapStep} inputs, each returned element being a view (a {@link Tasklet}) into its chunk's result.
     */
    public <T, M> List<Task<M>> map(TaskFunction.F1<T, M> mapper, List<?> inputs, int mapStep) {
        requireSteps(mapStep, 2);
        List<Task<M>> out = new ArrayList<>(inputs.size());
        if (mapStep == 1) {
            for (Object x : inputs) {
                out.add(task(mapper, x));
            }
            return out;
        }
        String name = "map(" + method(mapper).name() + ")";
        for (List<?> chunk : chunks(inputs, mapStep)) {
            Task<List<M>> block = cast(named(name).task(Builtins::mapAll, mapper, chunk));
            out.addAll(block.elements(chunk.size()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <M> Task<M> reduceLevels(TaskFunction.F2<M, M, M> reducer, List<?> values, int reduceStep) {
        String name = "reduce(" + method(reducer).name() + ")";
        List<?> level = values;
        do {
            List<Task<M>> next = new ArrayList<>();
            for (List<?> chunk : chunks(level, reduceStep)) {
                next.add(chunk.size() == 1 && chunk.get(0) instanceof Task<?> only ? cast(only)
                        : cast(named(name).task(Builtins::reduceAll, reducer, chunk)));
            }
            level = next;
        } while (level.size() > 1);
        return (Task<M>) level.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> Task<T> cast(Task<?> task) {
        return (Task<T>) task;
    }

    private static List<List<?>> chunks(List<?> items, int size) {
        List<List<?>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }

    private void requireSteps(int mapStep, int reduceStep) {
        if (mapStep < 1 || reduceStep < 2) {
            throw new JugfileException(DeclarationSite.find(source) + "mapStep must be at least 1 and reduceStep at "
                    + "least 2: " + mapStep + ", " + reduceStep);
        }
    }

    /** {@link #compound(TaskFunction, Object...)} for a pipeline of no arguments besides the jug. */
    public <R> Task<R> compound(TaskFunction.F1<Jug, Task<R>> pipeline) {
        return compound((TaskFunction) pipeline);
    }

    /** {@link #compound(TaskFunction, Object...)} for a pipeline of one argument besides the jug. */
    public <A, R> Task<R> compound(TaskFunction.F2<Jug, A, Task<R>> pipeline, Object a) {
        return compound((TaskFunction) pipeline, a);
    }

    /** {@link #compound(TaskFunction, Object...)} for a pipeline of two arguments besides the jug. */
    public <A, B, R> Task<R> compound(TaskFunction.F3<Jug, A, B, Task<R>> pipeline, Object a, Object b) {
        return compound((TaskFunction) pipeline, a, b);
    }

    /** {@link #compound(TaskFunction, Object...)} for a pipeline of three arguments besides the jug. */
    public <A, B, C, R> Task<R> compound(TaskFunction.F4<Jug, A, B, C, Task<R>> pipeline, Object a, Object b,
            Object c) {
        return compound((TaskFunction) pipeline, a, b, c);
    }

    /**
     * A sub-graph that collapses to one task once computed (Python jug's {@code CompoundTask}): {@code pipeline} is a
     * static method that takes the jug and the arguments, declares tasks, and returns the final one. Its identity is
     * the pipeline's name and arguments. While its result is not stored, the pipeline is called now and its tasks
     * join the graph; once it is, the pipeline is not called at all and the graph holds one finished task.
     */
    @SuppressWarnings("unchecked")
    private <R> Task<R> compound(TaskFunction pipeline, Object... arguments) {
        TaskMethod method = method(pipeline);
        List<Type> parameters = method.parameterTypes();
        checkTypes(method, parameters.subList(1, parameters.size()), arguments);
        TaskKey key = key(method.name(), arguments);
        if (results.isFinished(key)) {
            TaskFunction.F0<Object> stand = Builtins::finishedCompound;
            return register(method.name(), method(stand), stand, new Object[0], key);
        }
        Object[] withJug = new Object[arguments.length + 1];
        withJug[0] = this;
        System.arraycopy(arguments, 0, withJug, 1, arguments.length);
        Object inner;
        try {
            inner = TaskFunction.invoke(pipeline, withJug);
        } catch (JugException | BarrierReached e) {
            throw e;
        } catch (Exception e) {
            throw new JugfileException(DeclarationSite.find(source) + "compound " + method.name() + " threw " + e, e);
        }
        if (!(inner instanceof Task<?> last) || !owns(last)) {
            throw new JugfileException(DeclarationSite.find(source) + "compound " + method.name() + " must return "
                    + "the final task it declared on the jug it was given, got " + inner);
        }
        TaskFunction.F1<Object, Object> collect = Builtins::collect;
        return register(method.name(), method(collect), collect, new Object[] {last}, key);
    }

    /**
     * A declarer whose tasks carry {@code name} instead of their method's name (in status tables and in their
     * identity): {@code jug.named("thumbnails").task(Jugfile::resize, image, 128)}.
     */
    public Named named(String name) {
        if (name == null || name.isBlank() || name.contains("\n")) {
            throw new JugfileException(DeclarationSite.find(source) + "a task name must be a non-blank line: '"
                    + name + "'");
        }
        return new Named(this, name);
    }

    /** Declares tasks under a name chosen by the jugfile; made by {@link Jug#named}. */
    public static final class Named implements TaskDeclarer {
        private final Jug jug;
        private final String name;

        private Named(Jug jug, String name) {
            this.jug = jug;
            this.name = name;
        }

        @Override
        public <R> Task<R> declare(String ignored, TaskFunction f, Object... arguments) {
            return jug.declare(name, f, arguments);
        }
    }

    @Override
    public <R> Task<R> declare(String name, TaskFunction f, Object... arguments) {
        TaskMethod method = method(f);
        checkTypes(method, method.parameterTypes(), arguments);
        String taskName = name == null ? method.name() : name;
        return register(taskName, method, f, arguments, key(taskName, arguments));
    }

    TaskMethod method(TaskFunction f) {
        TaskMethod method = methods.get(f.getClass());
        if (method == null) {
            try {
                method = TaskMethod.of(f);
            } catch (JugfileException e) {
                throw new JugfileException(DeclarationSite.find(source) + e.getMessage(), e);
            }
            methods.put(f.getClass(), method);
        }
        return method;
    }

    TaskKey key(String name, Object[] arguments) {
        try {
            return encoder.taskKey(name, arguments);
        } catch (UnhashableArgumentException e) {
            throw new JugfileException(DeclarationSite.find(source) + e.path() + " of " + name + " has type "
                    + e.type().getName() + ", which has no stable hash; pass a value (number, string, enum, record, "
                    + "list, set, map, array, Path), wrap it as CustomHash.of(value, fingerprint), or NoHash.of(value) "
                    + "to leave it out of the task's identity");
        }
    }

    /** Adds the task with this key, unless the graph has it already (equal declarations are one task). */
    @SuppressWarnings("unchecked")
    <R> Task<R> register(String name, TaskMethod method, TaskFunction f, Object[] arguments, TaskKey key) {
        FunctionTask<?> existing = tasks.get(key);
        if (existing != null) {
            return (Task<R>) existing;
        }
        List<Task<?>> dependencies = List.of();
        for (Object a : arguments) {
            if (Arguments.containsTask(a)) { // most arguments of most tasks are plain values
                Set<Task<?>> found = new LinkedHashSet<>();
                for (Object b : arguments) {
                    Arguments.collectTasks(b, found);
                }
                dependencies = List.copyOf(found);
                break;
            }
        }
        FunctionTask<R> task = new FunctionTask<>(name, method, f, arguments.clone(), key, dependencies);
        tasks.put(key, task);
        return task;
    }

    /** True if the graph so far holds {@code task} itself (not an equal task of another Jug). */
    boolean owns(Task<?> task) {
        Task<?> root = task instanceof Tasklet<?> t ? t.root() : task;
        return tasks.get(root.key()) == root;
    }

    void checkTypes(TaskMethod method, List<Type> parameters, Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Task<?> t && !owns(t)) {
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
