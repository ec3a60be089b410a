package jug.core;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How task arguments are walked: to find the tasks nested in them (through lists, sets, maps, arrays, records,
 * {@code Optional} and the {@link NoHash}/{@link CustomHash} wrappers), to check them against a method's parameter
 * types when a task is declared, and to replace every task by its value when the task runs.
 */
final class Arguments {
    private Arguments() {
    }

    /** Adds every task found in {@code arg} to {@code into}, in the order met (a tasklet as the task it views). */
    static void collectTasks(Object arg, Set<Task<?>> into) {
        visitTasks(arg, task -> {
            into.add(task instanceof Tasklet<?> view ? view.root() : task);
            return true;
        });
    }

    /**
     * Shows {@code visit} the tasks nested in {@code arg}, in the order met, until it returns false; returns false if
     * it stopped there.
     */
    private static boolean visitTasks(Object arg, Predicate<Task<?>> visit) {
        if (arg instanceof Task<?> task) {
            return visit.test(task);
        } else if (arg instanceof Collection<?> c) {
            for (Object e : c) {
                if (!visitTasks(e, visit)) {
                    return false;
                }
            }
        } else if (arg instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!visitTasks(e.getKey(), visit) || !visitTasks(e.getValue(), visit)) {
                    return false;
                }
            }
        } else if (arg instanceof Object[] array) {
            for (Object e : array) {
                if (!visitTasks(e, visit)) {
                    return false;
                }
            }
        } else if (arg instanceof Optional<?> o) {
            return o.isEmpty() || visitTasks(o.get(), visit);
        } else if (arg instanceof NoHash<?> n) {
            return visitTasks(n.value(), visit);
        } else if (arg instanceof CustomHash<?> h) {
            return visitTasks(h.value(), visit);
        } else if (arg instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (!visitTasks(component(r, c), visit)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value the task receives for {@code arg}: tasks replaced by their values, wrappers unwrapped. */
    static Object resolve(Object arg, Type parameter, Function<Task<?>, Object> valueOf) {
        if (arg instanceof Tasklet<?> view) {
            return view.value(valueOf);
        } else if (arg instanceof Task<?> task) {
            return valueOf.apply(task);
        } else if (arg instanceof NoHash<?> n) {
            return resolve(n.value(), parameter, valueOf);
        } else if (arg instanceof CustomHash<?> h) {
            return resolve(h.value(), parameter, valueOf);
        } else if (!containsTask(arg)) {
            return arg;
        } else if (arg instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(resolve(e, typeArgument(parameter, 0), valueOf));
            }
            return out;
        } else if (arg instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object e : set) {
                out.add(resolve(e, typeArgument(parameter, 0), valueOf));
            }
            return out;
        } else if (arg instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(resolve(e.getKey(), typeArgument(parameter, 0), valueOf),
                        resolve(e.getValue(), typeArgument(parameter, 1), valueOf));
            }
            return out;
        } else if (arg instanceof Optional<?> o) {
            return o.map(v -> resolve(v, typeArgument(parameter, 0), valueOf));
        } else if (arg instanceof Object[] array) {
            Type component = componentType(parameter);
            // An int[] parameter gets an int[] (Array.set unboxes), not the Integer[] it cannot be cast from.
            Object out = Array.newInstance(rawClass(component), array.length);
            for (int i = 0; i < array.length; i++) {
                Array.set(out, i, resolve(array[i], component, valueOf));
            }
            return out;
        } else if (arg instanceof Record r) {
            return rebuild(r, valueOf);
        }
        return arg;
    }

    /** True if a task is nested anywhere in {@code arg}. */
    static boolean containsTask(Object arg) {
        if (arg == null || arg instanceof String || arg instanceof Number || arg instanceof Boolean) {
            return false;
        }
        return !visitTasks(arg, task -> false); // stops at the first task, not after every one
    }

    /**
     * Checks that {@code arg} will fit {@code parameter} once its tasks are replaced by their results; returns null if
     * it does, else a short description of what the argument is.
     */
    static String mismatch(Object arg, Type parameter) {
        return fits(arg, parameter) ? null : describe(arg);
    }

    private static boolean fits(Object arg, Type parameter) {
        Class<?> raw = rawClass(parameter);
        if (arg == null) {
            return !raw.isPrimitive();
        }
        Class<?> expected = boxed(raw);
        if (arg instanceof Task<?> task) {
            Class<?> produced = boxed(rawClass(resultType(task)));
            return produced == Object.class || expected.isAssignableFrom(produced) || produced.isAssignableFrom(expected);
        }
        if (arg instanceof NoHash<?> n) {
            return fits(n.value(), parameter);
        }
        if (arg instanceof CustomHash<?> h) {
            return fits(h.value(), parameter);
        }
        if (!containsTask(arg)) {
            return expected.isInstance(arg);
        }
        if (arg instanceof List<?> || arg instanceof Set<?>) {
            Class<?> made = arg instanceof List<?> ? ArrayList.class : LinkedHashSet.class;
            return expected.isAssignableFrom(made) && allFit((Collection<?>) arg, typeArgument(parameter, 0));
        }
        if (arg instanceof Optional<?> o) {
            return expected.isAssignableFrom(Optional.class) && fits(o.get(), typeArgument(parameter, 0));
        }
        if (arg instanceof Map<?, ?> map) {
            return expected.isAssignableFrom(LinkedHashMap.class) && allFit(map.keySet(), typeArgument(parameter, 0))
                    && allFit(map.values(), typeArgument(parameter, 1));
        }
        if (arg instanceof Object[] array) {
            return (expected.isArray() || expected == Object.class)
                    && allFit(Arrays.asList(array), componentType(parameter));
        }
        return expected.isInstance(arg);
    }

    private static boolean allFit(Collection<?> elements, Type type) {
        for (Object e : elements) {
            if (!fits(e, type)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds a task held by a record component whose type cannot take the task's result, which the record would need
     * when it is rebuilt with results in place of tasks (a component typed {@code Task<Integer>}, say); returns null
     * if there is none, else what holds what, for a message.
     */
    static String misplacedTask(Object arg) {
        if (arg instanceof NoHash<?> n) {
            return misplacedTask(n.value());
        } else if (arg instanceof CustomHash<?> h) {
            return misplacedTask(h.value());
        } else if (arg instanceof Optional<?> o) {
            return o.map(Arguments::misplacedTask).orElse(null);
        } else if (arg instanceof Collection<?> c) {
            return firstMisplaced(c);
        } else if (arg instanceof Map<?, ?> m) {
            String inKeys = firstMisplaced(m.keySet());
            return inKeys != null ? inKeys : firstMisplaced(m.values());
        } else if (arg instanceof Object[] array) {
            return firstMisplaced(Arrays.asList(array));
        } else if (arg instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object value = component(r, c);
                if (containsTask(value) && !fits(value, c.getGenericType())) {
                    return describe(value) + " in component '" + c.getName() + "' of " + typeName(r.getClass())
                            + ", whose type is " + typeName(c.getGenericType());
                }
                String inner = misplacedTask(value);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static String firstMisplaced(Collection<?> elements) {
        for (Object e : elements) {
            String found = misplacedTask(e);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A short, Java-like description of an argument's type, such as {@code List<Task<Integer>>}. */
    static String describe(Object arg) {
        if (arg == null) {
            return "null";
        }
        if (arg instanceof Task<?> task) {
            return "Task<" + typeName(boxed(rawClass(resultType(task)))) + ">";
        }
        if (arg instanceof List<?> list) {
            return "List<" + (list.isEmpty() ? "?" : describe(list.get(0))) + ">";
        }
        if (arg instanceof Set<?> set) {
            return "Set<" + (set.isEmpty() ? "?" : describe(set.iterator().next())) + ">";
        }
        if (arg instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "Map<?, ?>";
            }
            Map.Entry<?, ?> e = map.entrySet().iterator().next();
            return "Map<" + describe(e.getKey()) + ", " + describe(e.getValue()) + ">";
        }
        if (arg instanceof Optional<?> o && o.isPresent()) {
            return "Optional<" + describe(o.get()) + ">";
        }
        if (arg instanceof Object[] array && array.length > 0 && containsTask(array)) {
            return describe(array[0]) + "[]";
        }
        return typeName(arg.getClass());
    }

    /** The declared type of a task's result (Object when unknown, as for list elements). */
    static Type resultType(Task<?> task) {
        return task instanceof FunctionTask<?> f ? f.resultType() : ((Tasklet<?>) task).resultType();
    }

    /** A type's name without package prefixes: {@code List<Boolean>} for {@code java.util.List<java.lang.Boolean>}. */
    static String typeName(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        } else if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        } else if (type instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]);
        } else if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof WildcardType w) {
            return typeArgument(w.getUpperBounds()[0], index);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        return Object.class;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read component '" + c.getName() + "' of " + r.getClass().getName(), e);
        }
    }

    private static Record rebuild(Record r, Function<Task<?>, Object> valueOf) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = resolve(component(r, components[i]), components[i].getGenericType(), valueOf);
        }
        try {
            Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + r.getClass().getName()
                    + " with the results of the tasks it holds", e);
        }
    }
}
