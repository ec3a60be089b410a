package jug.core.jugfile;

import java.util.Map;

/** The class files compiled from a jugfile, by binary class name, and a loader that defines them. */
final class CompiledClasses extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    CompiledClasses(Map<String, byte[]> classes, ClassLoader parent) {
        super("jugfile", parent);
        this.classes = Map.copyOf(classes);
    }

    Map<String, byte[]> classes() {
        return classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
