package jug.core.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The store providers on the class path, by scheme; refuses two providers for one scheme. */
final class StoreRegistry {
    private final Map<String, StoreProvider> providers;

    private StoreRegistry(Map<String, StoreProvider> providers) {
        this.providers = providers;
    }

    static StoreRegistry load() {
        Map<String, StoreProvider> byScheme = new TreeMap<>();
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, StoreRegistry.class.getClassLoader())) {
            register(byScheme, p.scheme(), p);
            for (String alias : p.aliases()) {
                register(byScheme, alias, p);
            }
        }
        return new StoreRegistry(byScheme);
    }

    private static void register(Map<String, StoreProvider> byScheme, String scheme, StoreProvider p) {
        StoreProvider other = byScheme.putIfAbsent(scheme, p);
        if (other != null && other.getClass() != p.getClass()) {
            throw new StoreException("two store providers serve scheme '" + scheme + "': "
                    + other.getClass().getName() + " and " + p.getClass().getName() + "; remove one from the class path");
        }
    }

    Store open(String jugdir, String project) {
        URI uri = toUri(jugdir);
        StoreProvider provider = providers.get(uri.getScheme());
        if (provider == null) {
            throw new StoreException("--jugdir " + redact(jugdir) + ": no store for scheme '" + uri.getScheme()
                    + "' (known: " + String.join(", ", providers.keySet()) + "); check the spelling");
        }
        return provider.open(uri, project);
    }

    /** A jugdir with a scheme ({@code redis://...}) is a URI; anything else is a path. */
    static URI toUri(String jugdir) {
        if (jugdir.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !jugdir.startsWith("file:")) {
            try {
                return new URI(jugdir);
            } catch (URISyntaxException e) {
                throw new StoreException("--jugdir " + redact(jugdir) + " is not a valid URI: " + e.getReason());
            }
        }
        if (jugdir.startsWith("file:")) {
            return URI.create(jugdir);
        }
        return Path.of(jugdir).toAbsolutePath().normalize().toUri();
    }

    /** Hides a password in {@code user:password@host}. */
    static String redact(String jugdir) {
        return jugdir.replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    }
}
