package jug.core;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A task that applies a function to arguments and whose result jug stores under its key. Immutable once declared;
 * made only by {@link Jug}.
 */
public final class FunctionTask<R> implements Task<R> {
    private final String name;
    private final TaskMethod method;
    private final TaskFunction function;
    private final Object[] arguments;
    private final TaskKey key;
    private final List<Task<?>> dependencies;

    FunctionTask(String name, TaskMethod method, TaskFunction function, Object[] arguments, TaskKey key,
            List<Task<?>> dependencies) {
        this.name = name;
        this.method = method;
        this.function = function;
        this.arguments = arguments;
        this.key = key;
        this.dependencies = dependencies;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskKey key() {
        return key;
    }

    @Override
    public List<Task<?>> dependencies() {
        return dependencies;
    }

    /** The declared result type of the task's method. */
    public Type resultType() {
        return method.resultType();
    }

    /**
     * Runs the function on the arguments, each task among them replaced by {@code valueOf(task)}.
     *
     * @throws Exception whatever the function throws
     */
    public Object run(Function<Task<?>, Object> valueOf) throws Exception {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = Arguments.resolve(arguments[i], method.parameterTypes().get(i), valueOf);
        }
        return TaskFunction.invoke(function, values);
    }

    /** The call in brief, for messages: {@code Jugfile.isPrime(7)}, with long arguments abbreviated. */
    public String describe() {
        StringBuilder s = new StringBuilder(name()).append('(');
        for (int i = 0; i < arguments.length; i++) {
            s.append(i == 0 ? "" : ", ").append(brief(arguments[i]));
        }
        return s.append(')').toString();
    }

    private static String brief(Object arg) {
        if (arg instanceof Task<?> t) {
            return t.name() + "@" + t.key().shortHex();
        }
        if (arg instanceof CharSequence text) {
            String quoted = "\"" + text + "\"";
            return quoted.length() > 40 ? quoted.substring(0, 36) + "...\"" : quoted;
        }
        if (arg instanceof Collection<?> c) {
            return Arguments.describe(arg) + "[" + c.size() + " items]";
        }
        if (arg instanceof Map<?, ?> m) {
            return Arguments.describe(arg) + "[" + m.size() + " entries]";
        }
        if (arg != null && arg.getClass().isArray()) {
            return Arguments.typeName(arg.getClass()) + "[" + java.lang.reflect.Array.getLength(arg) + " items]";
        }
        String text = String.valueOf(arg);
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    @Override
    public String toString() {
        return "Task " + name() + "@" + key.shortHex();
    }
}
