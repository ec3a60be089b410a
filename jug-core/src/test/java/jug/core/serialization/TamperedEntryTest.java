package jug.core.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import jug.fixtures.SafeValue;
import jug.fixtures.Tripwire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entries forged by someone with write access to the store: Kryo bytes that name a class outside the allow-list,
 * with a valid checksum. They must be refused before the class is loaded, let alone initialised or instantiated.
 * {@code jug.fixtures.Detonator} stands for a gadget: its static initialiser trips {@link Tripwire}. This class names
 * it only as a string.
 */
class TamperedEntryTest {
    private static final String DETONATOR = "jug.fixtures.Detonator";
    private static final ResultMetadata METADATA = new ResultMetadata("Jugfile.f", "h", 1, Instant.EPOCH,
            Duration.ZERO);

    /** Passes every request to its parent, and remembers which classes were asked for. */
    static final class RecordingLoader extends ClassLoader {
        final List<String> requested = new CopyOnWriteArrayList<>();

        RecordingLoader() {
            super(TamperedEntryTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    private final RecordingLoader loader = new RecordingLoader();
    private final ResultCodec codec = new ResultCodec(ResultTypes.forJugfile(Set.of(SafeValue.class.getName())),
            loader);

    @AfterEach
    void nothingWasInitialised() {
        assertThat(Tripwire.tripped()).isEmpty();
    }

    /** A Kryo payload as {@code writeClassAndObject} starts one for an unregistered class: by name. */
    private static byte[] payloadNaming(String className) {
        Output out = new Output(128, -1);
        out.writeVarInt(1, true); // DefaultClassResolver.NAME + 2: the class follows by name
        out.writeVarInt(0, true); // the first name of this stream
        out.writeString(className);
        out.writeVarInt(1, true); // Kryo.NOT_NULL: a new object follows
        out.writeVarInt(42, true); // whatever its fields would be
        return out.toBytes();
    }

    private static byte[] kryoString(String s) {
        Output out = new Output(64, -1);
        out.writeString(s);
        return out.toBytes();
    }

    @Test
    void forgedHeaderIsWhatKryoWritesForAnAllowedClass() {
        // The forgery is only a test if Kryo reads it as a class name: the real encoding of a SafeValue starts the same.
        byte[] real = codec.encode(new SafeValue(7), METADATA);
        byte[] forged = payloadNaming(SafeValue.class.getName());
        byte[] header = Arrays.copyOf(forged, 2 + kryoString(SafeValue.class.getName()).length);
        int payload = real.length - 4 - (int) java.nio.ByteBuffer.wrap(real).getLong(10 + metadataLength(real));
        assertThat(Arrays.copyOfRange(real, payload, payload + header.length)).containsExactly(header);
    }

    private static int metadataLength(byte[] entry) {
        return java.nio.ByteBuffer.wrap(entry).getInt(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.ProcessBuilder", "java.net.URL", "java.io.File", DETONATOR,
            "[Ljava.net.URL;", "javax.script.ScriptEngineManager", "com.sun.rowset.JdbcRowSetImpl"})
    void entryNamingADisallowedClassIsRefusedBeforeTheClassIsLoaded(String className) {
        byte[] entry = Entries.withPayload('K', payloadNaming(className));
        assertThatThrownBy(() -> codec.decode(entry))
                .isInstanceOf(CorruptResultException.class)
                .hasMessage("refused to load " + className + ", which a stored result may not contain")
                .cause().isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo(className));
        assertThat(loader.requested).doesNotContain(className, className.replaceAll("^\\[L|;$", ""));
    }

    @Test
    void disallowedClassNestedInAnAllowedValueIsRefused() throws CorruptResultException {
        List<Object> value = new ArrayList<>(List.of("before", new SafeValue(1), "after"));
        byte[] entry = codec.encode(value, METADATA);
        assertThat(codec.decode(entry)).usingRecursiveComparison().isEqualTo(value);

        byte[] forged = Entries.sealed(replaceOnce(entry, kryoString(SafeValue.class.getName()),
                kryoString(DETONATOR)));

        assertThatThrownBy(() -> codec.decode(forged))
                .isInstanceOf(CorruptResultException.class)
                .hasMessage("refused to load " + DETONATOR + ", which a stored result may not contain");
        assertThat(loader.requested).contains("java.util.ArrayList").doesNotContain(DETONATOR);
    }

    @Test
    void forgedEntryWithoutAValidChecksumIsRefusedAsCorruptFirst() {
        byte[] entry = Entries.withPayload('K', payloadNaming(DETONATOR));
        entry[entry.length - 1] ^= 1;
        assertThatThrownBy(() -> codec.decode(entry)).isInstanceOf(CorruptResultException.class)
                .hasMessage("checksum mismatch");
    }

    @Test
    void detonatorTripsTheWireWhenSomethingDoesInitialiseIt() throws Exception {
        // The control: in a loader of its own (so that the shared Tripwire stays clean), initialising the class trips
        // that loader's copy of the wire. Without this, the tests above could pass with a fixture that never trips.
        ClassLoader isolated = new ChildFirstFixtures();
        Class.forName(DETONATOR, true, isolated);
        Method tripped = Class.forName(Tripwire.class.getName(), true, isolated).getMethod("tripped");
        assertThat(tripped.invoke(null)).isEqualTo(List.of(DETONATOR));
    }

    private static byte[] replaceOnce(byte[] haystack, byte[] needle, byte[] replacement) {
        assertThat(replacement).hasSameSizeAs(needle);
        int found = -1;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                assertThat(found).as("the name occurs once").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as("the entry names %s", new String(needle)).isNotNegative();
        byte[] out = haystack.clone();
        System.arraycopy(replacement, 0, out, found, replacement.length);
        return out;
    }

    /** Defines its own copies of the jug.fixtures classes from the test class files. */
    private static final class ChildFirstFixtures extends ClassLoader {
        ChildFirstFixtures() {
            super(TamperedEntryTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("jug.fixtures.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }
}
