package jug.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds where in the jugfile the current declaration happens, for error messages: the first stack frame outside
 * jug's own packages. Only computed when something is wrong, because walking the stack is slow.
 */
final class DeclarationSite {
    private DeclarationSite() {
    }

    /** {@code "path/Jugfile.java:14: "}, or an empty string if no frame outside jug is found. */
    static String find(Path source) {
        Optional<StackWalker.StackFrame> frame = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !isJugFrame(f.getClassName()))
                .findFirst());
        if (frame.isEmpty() || frame.get().getFileName() == null) {
            return "";
        }
        String file = frame.get().getFileName();
        if (source != null && source.getFileName() != null && source.getFileName().toString().equals(file)) {
            file = source.toString();
        }
        return file + ":" + frame.get().getLineNumber() + ": ";
    }

    private static boolean isJugFrame(String className) {
        return className.startsWith("jug.core.") || className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("sun.");
    }
}
