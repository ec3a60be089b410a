package jug.core.graph;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import jug.core.JugfileException;
import jug.core.Task;

/**
 * Selects tasks by name the way Python jug's {@code --target} does: {@code /regex/} searches the name for the
 * regular expression; a pattern with a dot matches names that contain it ({@code Jugfile.f} matches
 * {@code Jugfile.foo}); a bare name matches names that contain it right after a dot ({@code isPrime} matches
 * {@code Jugfile.isPrime}).
 */
public record TaskPattern(String text, Pattern regex) implements Predicate<Task<?>> {
    /** Parses a pattern as given on the command line. */
    public static TaskPattern parse(String text) {
        if (text.isEmpty()) {
            throw new JugfileException("--target: empty pattern; give a task name such as isPrime, "
                    + "Jugfile.isPrime or /regex/");
        }
        String regex;
        if (text.length() >= 2 && text.startsWith("/") && text.endsWith("/")) {
            regex = text.substring(1, text.length() - 1);
        } else if (text.contains(".")) {
            regex = Pattern.quote(text);
        } else {
            regex = "\\." + Pattern.quote(text);
        }
        try {
            return new TaskPattern(text, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new JugfileException("--target " + text + ": invalid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    @Override
    public boolean test(Task<?> task) {
        return regex.matcher(task.name()).find();
    }
}
