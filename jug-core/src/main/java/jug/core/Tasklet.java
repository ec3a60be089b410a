package jug.core;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jug.core.hash.CanonicalEncoder;

/**
 * A cheap view of another task's result: an element of it ({@link Task#get}) or a method applied to it
 * ({@link Task#map}). A tasklet is never stored: it is computed from its base task's value whenever a task that takes
 * it as an argument runs, so it costs no store entry and no scheduling. It depends on its base task, and its identity
 * is derived from the base's key and the derivation.
 */
public final class Tasklet<R> implements Task<R> {
    private final Task<?> base;
    private final Object derivation;
    private final String name;
    private final TaskKey key;
    private final Type resultType;

    private Tasklet(Task<?> base, Object derivation, String name, Type resultType) {
        this.base = base;
        this.derivation = derivation;
        this.name = name;
        this.resultType = resultType;
        this.key = new CanonicalEncoder().valueKey("jug.tasklet", List.of(base, derivation));
    }

    static <E> Tasklet<E> element(Task<?> base, int index) {
        if (index < 0) {
            throw new JugfileException("element index < 0: " + index + " (of " + base.name() + ")");
        }
        return new Tasklet<>(base, index, base.name() + "[" + index + "]", Object.class);
    }

    static <S> Tasklet<S> mapped(Task<?> base, TaskFunction.F1<?, S> f) {
        TaskMethod method = TaskMethod.of(f);
        return new Tasklet<>(base, f, base.name() + " → " + method.name(), method.resultType());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskKey key() {
        return key;
    }

    /** The stored task this view is ultimately derived from. */
    public Task<?> root() {
        return base instanceof Tasklet<?> t ? t.root() : base;
    }

    @Override
    public List<Task<?>> dependencies() {
        return List.of(root());
    }

    /** The declared type of the view's value (Object for elements). */
    Type resultType() {
        return resultType;
    }

    /** The view's value, given the values of stored tasks. */
    Object value(Function<Task<?>, Object> valueOf) {
        Object from = base instanceof Tasklet<?> t ? t.value(valueOf) : valueOf.apply(base);
        return derive(from);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object derive(Object value) {
        if (derivation instanceof Integer index) {
            if (value instanceof List<?> list) {
                return list.get(index);
            }
            if (value != null && value.getClass().isArray()) {
                return Array.get(value, index);
            }
            if (value instanceof Map<?, ?> map) {
                return map.get(index);
            }
            throw new IllegalArgumentException(name + ": the result of " + base.name() + " is "
                    + (value == null ? "null" : value.getClass().getName()) + ", which has no elements");
        }
        try {
            return ((TaskFunction.F1) derivation).apply(value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " threw " + e, e);
        }
    }

    @Override
    public String toString() {
        return "Tasklet " + name + "@" + key.shortHex();
    }
}
