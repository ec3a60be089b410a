package jug.cli;

import java.util.Map;
import java.util.TreeMap;
import jug.core.Task;
import jug.core.execution.TaskCounts;
import jug.core.graph.TaskGraph;

/**
 * The graph of a jugfile in Graphviz's DOT language, one node per task name (with its status counts) and one edge
 * per pair of names where a task of one needs a task of the other, labelled with how many such task pairs there are.
 */
final class DotGraph {
    /** The states a node lists, in this order, with their colours (as countsLabel lists their counts). */
    private static final String[][] STATES = {
        {"failed", "#ff4080"}, {"waiting", "#f98cb6"}, {"ready", "#fca985"}, {"running", "#7589bf"},
        {"finished", "#85ca5d"}};

    private DotGraph() {
    }

    /** The DOT text; {@code counts} is null for plain nodes. */
    static String render(TaskGraph graph, TaskCounts counts, boolean complete) {
        Map<String, Map<String, Integer>> edges = new TreeMap<>();
        for (Task<?> t : graph.tasks()) {
            for (Task<?> d : t.dependencies()) {
                edges.computeIfAbsent(d.name(), k -> new TreeMap<>()).merge(t.name(), 1, Integer::sum);
            }
        }
        StringBuilder s = new StringBuilder("digraph jug {\n");
        s.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", fontname=\"Helvetica\"];\n");
        s.append("  edge [fontname=\"Helvetica\", fontsize=10, color=\"#606060\"];\n");
        if (!complete) {
            s.append("  label=\"The jugfile stops at a barrier: more tasks follow once these are finished.\";\n");
        }
        for (String name : graph.names()) {
            s.append("  ").append(id(name)).append(" [label=<<b>").append(html(name)).append("</b>");
            if (counts != null) {
                s.append("<br/>").append(countsLabel(counts.perName().get(name)));
            }
            s.append(">];\n");
        }
        edges.forEach((from, targets) -> targets.forEach((to, n) ->
                s.append("  ").append(id(from)).append(" -> ").append(id(to)).append(" [label=\"").append(n)
                        .append("\"];\n")));
        return s.append("}\n").toString();
    }

    private static String countsLabel(TaskCounts.Counts c) {
        int[] counts = {c.failed(), c.waiting(), c.ready(), c.running(), c.finished()}; // in the order of STATES
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < STATES.length; i++) {
            if (counts[i] > 0) {
                s.append(s.length() == 0 ? "" : " ").append("<font color=\"").append(STATES[i][1]).append("\">")
                        .append(counts[i]).append(' ').append(STATES[i][0]).append("</font>");
            }
        }
        return s.length() == 0 ? "no tasks" : s.toString();
    }

    /** A quoted DOT identifier. */
    static String id(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
