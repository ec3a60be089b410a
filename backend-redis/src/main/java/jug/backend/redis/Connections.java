package jug.backend.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import jug.core.store.StoreException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The connections to one Redis server: a pool of Jedis {@link Connection}s, from which each operation borrows one,
 * and the rule for failures. (The pool is a plain deque rather than Jedis's commons-pool2 pools, and operations send
 * raw commands rather than going through the {@code Jedis} class: loading those costs 60 ms, a third of a
 * {@code jug status}.) A lost connection (or a server still loading its data after a restart) is retried with a
 * growing pause; once the server has been unreachable for the retry time, every operation fails at once with a
 * message naming the server, until one succeeds again. All other errors (wrong password, missing permission, out of
 * memory) fail at once. Messages never contain the password.
 */
final class Connections implements AutoCloseable {
    /** Runs on one borrowed connection. */
    @FunctionalInterface
    interface Operation<T> {
        T apply(Connection connection);
    }

    /** Idle connections kept for reuse; more are opened when more threads need one at once. */
    private static final int MAX_IDLE = 16;

    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 1000;

    private final RedisUrl url;
    private final HostAndPort address;
    private final JedisClientConfig config;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;
    private final Object outage = new Object();
    private long outageSince; // System.nanoTime() of the first failure in the current outage, 0 if none
    private String outageReason = "";

    private Connections(RedisUrl url, JedisClientConfig config) {
        this.url = url;
        this.address = new HostAndPort(url.host(), url.port());
        this.config = config;
    }

    /**
     * Connects to the server (one attempt: a server that cannot be reached at all is more likely a wrong URL than a
     * restart) and checks that it answers with the given credentials.
     *
     * @throws StoreException naming the server and, where it can, the remedy
     */
    static Connections open(RedisUrl url) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) Math.min(url.timeout().toMillis(), 5000))
                .socketTimeoutMillis((int) url.timeout().toMillis())
                .database(url.database())
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED); // two fewer commands per connection
        url.user().ifPresent(config::user);
        url.secret().ifPresent(config::password);
        if (url.tls()) {
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            config.ssl(true).sslParameters(parameters).sslSocketFactory(socketFactory(url));
        }
        Connections connections = new Connections(url, config.build());
        try {
            connections.onOneConnection(c -> {
                c.sendCommand(Protocol.Command.PING);
                return c.getStatusCodeReply();
            });
        } catch (JedisException e) {
            throw new StoreException(url.describe() + ": " + connections.problem(e, true));
        }
        return connections;
    }

    /**
     * Runs {@code operation} on a connection, retrying lost connections as described above.
     *
     * @param what what the operation does, for messages ("write 3f9a…c2")
     * @throws RedisStoreException naming the server and the problem
     */
    <T> T call(String what, Operation<T> operation) throws IOException {
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                T result = onOneConnection(operation);
                recovered();
                return result;
            } catch (JedisException e) {
                if (!isTransient(e)) {
                    throw new RedisStoreException(url.describe() + ": " + what + ": " + problem(e, false), e);
                }
                long waited = outage(e);
                if (waited >= url.retry().toNanos()) {
                    throw new RedisStoreException(url.describe() + ": the server at " + url.address() + " has not "
                            + "answered for " + seconds(url.retry()) + " (" + outageReason + "); is it "
                            + "running? jug retries for " + seconds(url.retry()) + " (retry= in the URL)", e);
                }
                sleep(Math.min(pause, Math.max(1, (url.retry().toNanos() - waited) / 1_000_000)));
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    /** Runs {@code operation} on a borrowed connection; after any failure the connection is not reused. */
    private <T> T onOneConnection(Operation<T> operation) {
        Connection connection = borrow();
        boolean done = false;
        try {
            T result = operation.apply(connection);
            done = true;
            return result;
        } finally {
            if (!done) {
                connection.setBroken(); // a reply may be left unread
            }
            giveBack(connection);
        }
    }

    /** An idle connection, or a new one (connected, authenticated, its database selected). */
    private Connection borrow() {
        if (closed) {
            throw new IllegalStateException(url.describe() + ": the store is closed");
        }
        Connection connection = idle.pollFirst();
        if (connection != null) {
            idleCount.decrementAndGet();
            return connection;
        }
        return new Connection(address, config);
    }

    /** Keeps a healthy connection for reuse; closes a broken one (or a spare). */
    private void giveBack(Connection connection) {
        if (!connection.isBroken() && !closed) {
            if (idleCount.incrementAndGet() <= MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
            idleCount.decrementAndGet();
        }
        connection.disconnect();
    }

    /** Starts or continues an outage; returns how long it has lasted. */
    private long outage(JedisException e) {
        synchronized (outage) {
            long now = System.nanoTime();
            if (outageSince == 0) {
                outageSince = now;
            }
            outageReason = reason(e);
            return now - outageSince;
        }
    }

    private void recovered() {
        synchronized (outage) {
            outageSince = 0;
        }
    }

    /** Lost connections, and a server that is loading its data or busy with a script, are worth waiting for. */
    private static boolean isTransient(JedisException e) {
        if (e instanceof JedisConnectionException) {
            return !isTlsProblem(e);
        }
        if (e instanceof JedisBusyException) {
            return true;
        }
        if (e instanceof JedisDataException && e.getMessage() != null) {
            String m = e.getMessage();
            return m.startsWith("LOADING") || m.startsWith("MASTERDOWN") || m.startsWith("TRYAGAIN");
        }
        return e.getCause() instanceof JedisConnectionException c && !isTlsProblem(c);
    }

    private static boolean isTlsProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** One line on what went wrong and, where jug can tell, what to do. */
    private String problem(JedisException e, boolean opening) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String who = url.user().map(u -> "user '" + u + "'").orElse("the default user");
        if (m.startsWith("WRONGPASS") || m.contains("invalid username-password pair")
                || m.contains("invalid password")) {
            return "the server refused the password" + (url.passwordSource().isEmpty() ? ""
                    : " from " + url.passwordSource()) + " for " + who + "; check the password and the user name";
        }
        if (m.startsWith("NOAUTH")) {
            return "the server requires a password; give it in JUG_REDIS_PASSWORD, "
                    + "JUG_REDIS_PASSWORD_FILE or ?password-file= (not on the command line, where ps shows it)";
        }
        if (m.contains("without any password configured") || m.contains("called without any password")) {
            return "a password was given (from " + url.passwordSource() + ") but the server has "
                    + "none for " + who + "; remove it";
        }
        if (m.startsWith("NOPERM") || e instanceof JedisAccessControlException) {
            return who + " may not do this (" + m + "); grant it the keys jug:* and the "
                    + "commands listed in docs/redis.md";
        }
        if (m.contains("DB index is out of range")) {
            return "the server has no database " + url.database() + "; use a smaller number";
        }
        if (isTlsProblem(e)) {
            return "TLS connection to " + url.address() + " failed (" + reason(e) + "); "
                    + (url.caCertificates().isPresent() ? "check that " + url.caCertificates().get()
                            + " holds the certificate of the authority that signed the server's"
                            : "if the server's certificate is not signed by an authority the JDK trusts, give it "
                                    + "with ?cacert=FILE.pem");
        }
        if (e instanceof JedisConnectionException && opening) {
            return "cannot connect to " + url.address() + " (" + reason(e) + "); check the host "
                    + "and port, and that redis-server is running";
        }
        if (m.startsWith("MOVED") || m.startsWith("ASK") || m.startsWith("CLUSTERDOWN")) {
            return "the server is a Redis Cluster node (" + m + "); jug needs one server (a primary, with replicas "
                    + "if you like), not a cluster";
        }
        if (m.startsWith("READONLY")) {
            return "the server is a read-only replica (" + m + "); give jug the primary";
        }
        if (m.startsWith("OOM")) {
            return "the server is out of memory (" + m + "); raise its maxmemory or remove other data";
        }
        return m;
    }

    /** The innermost message of a failure, which names the actual problem (Connection refused, …). */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (true) {
            if (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            } else if (t.getSuppressed().length > 0) { // Jedis keeps each address's failure as suppressed
                t = t.getSuppressed()[0];
            } else {
                break;
            }
        }
        if (t instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    private static SSLSocketFactory socketFactory(RedisUrl url) {
        if (url.caCertificates().isEmpty()) {
            // the JDK's trust store, or the one javax.net.ssl.trustStore names
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream in = Files.newInputStream(url.caCertificates().get())) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new StoreException(url.describe() + ": " + url.caCertificates().get() + " holds no PEM "
                        + "certificate; give the certificate of the authority that signed the server's");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                trusted.setCertificateEntry("ca" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException(url.describe() + ": cannot read the certificates in " + url.caCertificates().get()
                    + " (" + reason(e) + "); give a PEM file");
        }
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the Redis server");
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.disconnect();
        }
    }
}
