package jug.cli;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jug.core.JugfileException;
import jug.core.Task;
import jug.core.graph.TaskGraph;
import jug.core.graph.TaskPattern;

/**
 * Selects tasks for {@code execute --target}, {@code invalidate}, {@code show} and the shell: a name pattern as
 * Python jug's {@code --target} reads it ({@link TaskPattern}), a key prefix of at least 6 hex digits (as messages
 * print keys: {@code 3f9a12b4c5d6}), or both as {@code NAME@KEYPREFIX}.
 */
record TaskSelection(String text, Predicate<Task<?>> predicate) implements Predicate<Task<?>> {
    private static final Pattern KEY_PREFIX = Pattern.compile("[0-9a-f]{6,64}");

    static TaskSelection parse(String text) {
        int at = text.lastIndexOf('@');
        if (at > 0 && KEY_PREFIX.matcher(text.substring(at + 1)).matches()) {
            TaskPattern name = TaskPattern.parse(text.substring(0, at));
            String prefix = text.substring(at + 1);
            return new TaskSelection(text, t -> t.key().hex().startsWith(prefix) && name.test(t));
        }
        TaskPattern name = TaskPattern.parse(text);
        if (KEY_PREFIX.matcher(text).matches()) {
            return new TaskSelection(text, t -> t.key().hex().startsWith(text) || name.test(t));
        }
        return new TaskSelection(text, name);
    }

    @Override
    public boolean test(Task<?> task) {
        return predicate.test(task);
    }

    /** The error for a selection that matched no task of {@code graph}. */
    JugfileException matchesNothing(String what, String jugfile, TaskGraph graph, boolean complete) {
        List<String> names = graph.names();
        String known = names.isEmpty() ? "it declares no task"
                : "its " + graph.size() + " tasks are named " + String.join(", ", names.subList(0, Math.min(8, names.size())))
                        + (names.size() > 8 ? " and " + (names.size() - 8) + " more names" : "");
        return new JugfileException(what + " " + text + " matches no task of " + jugfile + " (" + known + ")"
                + (complete ? "" : "; the jugfile stops at a barrier, so the tasks after it are not known yet")
                + "; give a name such as isPrime, a dotted name such as Jugfile.isPrime, /regex/, or a key prefix");
    }
}
