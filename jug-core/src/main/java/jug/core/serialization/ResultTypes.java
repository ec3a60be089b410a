package jug.core.serialization;

import java.util.List;
import java.util.Set;

/**
 * The classes a stored result may contain: what jug writes, and all that it will instantiate when it reads a store.
 * A store is shared by many workers and may be written by anyone with access, so loading never builds objects of
 * arbitrary classes (the classic deserialization attack); a result holding anything else is refused when it is
 * written, with the task and the type named.
 *
 * <p>Allowed: primitives and their arrays, boxed primitives and strings, the JDK's general-purpose collections and
 * maps (including {@code List.of} and friends), {@code Optional}, {@code BitSet}, {@code UUID}, {@code java.math},
 * {@code java.time}, jug's vision images, the jugfile's own classes, and what it lists in
 * {@link jug.core.AllowResults}.
 */
public final class ResultTypes {
    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.String", "java.lang.Void",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.BitSet", "java.util.UUID", "java.util.Optional",
            "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble", "java.util.Arrays$ArrayList",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap", "java.math.BigInteger", "java.math.BigDecimal",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.CopyOnWriteArrayList");
    private static final List<String> JDK_PREFIXES = List.of("java.util.ImmutableCollections$", "java.time.");

    private final Set<String> jugfileClasses;
    private final List<String> extraPrefixes;

    private ResultTypes(Set<String> jugfileClasses, List<String> extraPrefixes) {
        this.jugfileClasses = Set.copyOf(jugfileClasses);
        this.extraPrefixes = List.copyOf(extraPrefixes);
    }

    /** The default rule, for a jugfile whose own classes have these binary names. */
    public static ResultTypes forJugfile(Set<String> jugfileClasses) {
        return new ResultTypes(jugfileClasses, List.of("jug.vision."));
    }

    /**
     * This rule, also allowing the named classes and every class whose name starts with one of the given prefixes
     * ending in a dot (a package, such as {@code "smile.regression."}).
     */
    public ResultTypes allowing(List<String> classesOrPackages) {
        List<String> more = new java.util.ArrayList<>(extraPrefixes);
        more.addAll(classesOrPackages);
        return new ResultTypes(jugfileClasses, more);
    }

    /** True if a stored result may contain an instance of the class with this binary name. */
    public boolean allows(String className) {
        if (className.startsWith("[")) {
            return allowsArray(className);
        }
        if (JDK_CLASSES.contains(className) || jugfileClasses.contains(className)) {
            return true;
        }
        for (String prefix : JDK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String extra : extraPrefixes) {
            if (extra.endsWith(".") ? className.startsWith(extra) : className.equals(extra)) {
                return true;
            }
        }
        return false;
    }

    /** Array names look like {@code [I} or {@code [[Ljava.lang.String;}: allowed if their element type is. */
    private boolean allowsArray(String name) {
        String element = name.replaceFirst("^\\[+", "");
        if (element.length() == 1) {
            return "ZBCSIJFD".contains(element);
        }
        return element.startsWith("L") && element.endsWith(";") && allows(element.substring(1, element.length() - 1));
    }
}
