package jug.backend.redis;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jug.core.store.StoreException;

/**
 * Where a Redis store lives and how to reach it, read from {@code --jugdir}:
 * {@code redis://[user[:password]@]host[:port][/db][?name=value&…]}, or {@code rediss://} for TLS.
 *
 * <p>Parameters: {@code prefix} (the namespace; by default derived from the jugfile's path), {@code password-file}
 * (a file holding the password), {@code cacert} (PEM certificates to trust for TLS, instead of the JDK's trust store),
 * {@code retry} (seconds to keep retrying a lost connection, default 60) and {@code timeout} (seconds to wait for a
 * reply, default 30). The password is taken from the URL, else the {@code password-file}, else the environment:
 * {@code JUG_REDIS_PASSWORD}, {@code JUG_REDIS_PASSWORD_FILE}, then redis-cli's {@code REDISCLI_AUTH}. It never
 * appears in {@link #toString}, {@link #describe} or any message.
 *
 * @param secret the password, if any; see {@link #passwordSource} for where it came from
 */
record RedisUrl(boolean tls, String host, int port, Optional<String> user, Optional<String> secret,
        String passwordSource, int database, Optional<String> prefix, Duration retry, Duration timeout,
        Optional<Path> caCertificates) {

    static final int DEFAULT_PORT = 6379;
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> PARAMETERS = Set.of("prefix", "password-file", "cacert", "retry", "timeout");

    RedisUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(caCertificates, "caCertificates");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port not in 1..65535: " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("database < 0: " + database);
        }
    }

    /**
     * Reads {@code location}; {@code env} supplies the password when the URL does not.
     *
     * @throws StoreException naming the (redacted) URL and what is wrong with it
     */
    static RedisUrl parse(URI location, Map<String, String> env) {
        String scheme = location.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw bad(location, "scheme is '" + scheme + "', not redis or rediss");
        }
        String host = location.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(location, "no host name; write redis://host[:port][/db]");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = location.getPort() < 0 ? DEFAULT_PORT : location.getPort();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String source = "";
        if (location.getUserInfo() != null) {
            String info = location.getUserInfo();
            int colon = info.indexOf(':');
            String name = colon < 0 ? info : info.substring(0, colon);
            user = name.isEmpty() ? Optional.empty() : Optional.of(name);
            if (colon >= 0) {
                password = Optional.of(info.substring(colon + 1));
                source = "the URL";
            }
        }
        int database = database(location);
        Map<String, String> query = query(location);
        Optional<String> prefix = Optional.ofNullable(query.get("prefix"));
        if (prefix.isPresent() && !Namespace.isValid(prefix.get())) {
            throw bad(location, "prefix '" + prefix.get() + "' is not 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if (password.isEmpty() && query.containsKey("password-file")) {
            password = Optional.of(readPassword(location, Path.of(query.get("password-file"))));
            source = "password file " + query.get("password-file");
        }
        if (password.isEmpty() && nonEmpty(env.get("JUG_REDIS_PASSWORD"))) {
            password = Optional.of(env.get("JUG_REDIS_PASSWORD"));
            source = "JUG_REDIS_PASSWORD";
        }
        if (password.isEmpty() && nonEmpty(env.get("JUG_REDIS_PASSWORD_FILE"))) {
            password = Optional.of(readPassword(location, Path.of(env.get("JUG_REDIS_PASSWORD_FILE"))));
            source = "JUG_REDIS_PASSWORD_FILE " + env.get("JUG_REDIS_PASSWORD_FILE");
        }
        if (password.isEmpty() && nonEmpty(env.get("REDISCLI_AUTH"))) {
            password = Optional.of(env.get("REDISCLI_AUTH"));
            source = "REDISCLI_AUTH";
        }
        Optional<Path> caCert = Optional.ofNullable(query.get("cacert")).map(Path::of);
        if (caCert.isPresent() && !"rediss".equals(scheme)) {
            throw bad(location, "cacert is for TLS; use rediss:// with it");
        }
        return new RedisUrl("rediss".equals(scheme), host, port, user, password, source, database, prefix,
                seconds(location, query, "retry", DEFAULT_RETRY, Duration.ZERO),
                seconds(location, query, "timeout", DEFAULT_TIMEOUT, Duration.ofMillis(100)), caCert);
    }

    /** {@code redis://[user@]host:port/db}: the server, for messages; never the password. */
    String describe() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "rediss" : "redis") + "://" + user.map(u -> u + "@").orElse("") + h + ":" + port + "/" + database;
    }

    /** {@code host:port}, as a connection error names it. */
    String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static int database(URI location) {
        String path = location.getPath() == null ? "" : location.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String number = path.substring(1);
        if (!number.matches("[0-9]{1,6}")) {
            throw bad(location, "the path must be a database number such as /0, not '" + path + "'");
        }
        return Integer.parseInt(number);
    }

    private static Map<String, String> query(URI location) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = location.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!PARAMETERS.contains(name)) {
                throw bad(location, "unknown parameter '" + name + "' (known: cacert, password-file, prefix, retry, "
                        + "timeout)");
            }
            values.put(name, value);
        }
        return values;
    }

    private static Duration seconds(URI location, Map<String, String> query, String name, Duration otherwise,
            Duration least) {
        String value = query.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            Duration d = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
            if (d.compareTo(least) < 0 || !Double.isFinite(Double.parseDouble(value))) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(location, name + "=" + value + " is not a number of seconds of at least "
                    + least.toMillis() / 1000.0);
        }
    }

    private static String readPassword(URI location, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw bad(location, "cannot read the password file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static StoreException bad(URI location, String problem) {
        return new StoreException("--jugdir " + redact(location) + ": " + problem);
    }

    /** The URL as given, with any password replaced by {@code ***}. */
    static String redact(URI location) {
        return location.toString().replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    }
}
