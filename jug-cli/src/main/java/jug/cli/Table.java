package jug.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-name tables that status, execute, count and invalidate print: right-aligned count columns, then the task
 * name, a rule, one row per name (sorted), a dotted rule and a total row. Names are never wrapped or cut.
 */
final class Table {
    private final List<String> headers;
    private final List<String> names = new ArrayList<>();
    private final List<long[]> rows = new ArrayList<>();
    private long[] total;

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String name, long... counts) {
        if (counts.length != headers.size()) {
            throw new IllegalArgumentException(counts.length + " counts for " + headers.size() + " columns");
        }
        names.add(name);
        rows.add(counts);
        return this;
    }

    /** Sets the total row, for columns whose total is not their sum (a mean, a maximum); by default it is. */
    Table total(long... counts) {
        if (counts.length != headers.size()) {
            throw new IllegalArgumentException(counts.length + " totals for " + headers.size() + " columns");
        }
        total = counts;
        return this;
    }

    String render() {
        int width = 9;
        for (String h : headers) {
            width = Math.max(width, h.length() + 2);
        }
        long[] sums = new long[headers.size()];
        for (long[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                sums[i] += r[i];
                width = Math.max(width, Long.toString(r[i]).length() + 2);
            }
        }
        long[] totals = total != null ? total : sums;
        for (long t : totals) {
            width = Math.max(width, Long.toString(t).length() + 2);
        }
        StringBuilder s = new StringBuilder();
        int nameWidth = "Task name".length();
        for (String n : names) {
            nameWidth = Math.max(nameWidth, n.length());
        }
        for (String h : headers) {
            s.append(pad(h, width));
        }
        s.append("  Task name\n");
        int ruleWidth = width * headers.size() + 2 + nameWidth;
        s.append("-".repeat(ruleWidth)).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            line(s, width, rows.get(r), names.get(r));
        }
        s.append(".".repeat(ruleWidth)).append('\n');
        line(s, width, totals, "Total");
        return s.toString();
    }

    private static void line(StringBuilder s, int width, long[] counts, String name) {
        for (long c : counts) {
            s.append(pad(Long.toString(c), width));
        }
        s.append("  ").append(name).append('\n');
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
