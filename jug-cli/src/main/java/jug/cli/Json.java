package jug.cli;

/** Writes JSON text, for commands with {@code --json}: objects, string, number and boolean fields. */
final class Json {
    private final StringBuilder s = new StringBuilder();
    private boolean first = true;

    Json begin() {
        separate();
        s.append('{');
        first = true;
        return this;
    }

    Json begin(String name) {
        key(name);
        s.append('{');
        first = true;
        return this;
    }

    Json end() {
        s.append('}');
        first = false;
        return this;
    }

    Json field(String name, String value) {
        key(name);
        s.append(quote(value));
        return this;
    }

    Json field(String name, long value) {
        key(name);
        s.append(value);
        return this;
    }

    Json field(String name, double value) {
        key(name);
        s.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    Json field(String name, boolean value) {
        key(name);
        s.append(value);
        return this;
    }

    @Override
    public String toString() {
        return s.toString();
    }

    private void key(String name) {
        separate();
        s.append(quote(name)).append(':');
    }

    private void separate() {
        if (!first) {
            s.append(',');
        }
        first = false;
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
