package jug.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import jug.core.CustomHash;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;
import jug.core.TaskKey;
import jug.fixtures.Golden;
import jug.fixtures.Golden.Color;
import jug.fixtures.Golden.Point;
import org.junit.jupiter.api.Test;

class CanonicalEncoderTest {
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    private final Jug jug = new Jug();

    private TaskKey key(Object argument) {
        return jug.task(Golden::id, argument).key();
    }

    private String hex(Object value) {
        return HexFormat.of().formatHex(encoder.encoding(value));
    }

    @Test
    void oneAsIntLongDoubleAndStringGivesFourKeys() {
        assertThat(List.of(key(1), key(1L), key(1.0), key("1"), key(1.0f), key((short) 1), key((byte) 1),
                key(BigInteger.ONE), key(BigDecimal.ONE), key('1'), key(true)))
                .doesNotHaveDuplicates();
    }

    @Test
    void listArrayAndPrimitiveArrayOfTheSameNumbersDiffer() {
        assertThat(List.of(key(List.of(1, 2)), key(new Integer[] {1, 2}), key(new int[] {1, 2}),
                key(new Object[] {1, 2}), key(new long[] {1, 2}), key(Set.of(1, 2))))
                .doesNotHaveDuplicates();
    }

    @Test
    void equalValuesGiveEqualKeysWhateverTheirIdentity() {
        assertThat(key(new Point(1, 2))).isEqualTo(key(new Point(1, 2)));
        assertThat(key(new int[] {1, 2})).isEqualTo(key(new int[] {1, 2}));
        assertThat(key(new ArrayList<>(List.of("a", "b")))).isEqualTo(key(Arrays.asList("a", "b")));
        assertThat(key(new String("abc"))).isEqualTo(key("abc"));
    }

    @Test
    void setKeyIgnoresInsertionOrderCapacityAndImplementation() {
        List<String> words = IntStream.range(0, 200).mapToObj(i -> "w" + i * 7919).toList();
        List<String> reversed = new ArrayList<>(words);
        Collections.reverse(reversed);
        Set<String> small = new HashSet<>(1);
        small.addAll(words);
        Set<String> large = new HashSet<>(4096, 0.9f);
        large.addAll(reversed);
        // "Aa" and "BB" have equal hash codes, so their order in a HashSet depends on insertion order.
        Set<String> collidingAB = new HashSet<>(List.of("Aa", "BB"));
        Set<String> collidingBA = new LinkedHashSet<>(List.of("BB", "Aa"));

        assertThat(key(small)).isEqualTo(key(large))
                .isEqualTo(key(new TreeSet<>(words)))
                .isEqualTo(key(new LinkedHashSet<>(reversed)))
                .isEqualTo(key(Set.copyOf(words)));
        assertThat(key(collidingAB)).isEqualTo(key(collidingBA)).isEqualTo(key(Set.of("BB", "Aa")));
        assertThat(key(small)).isNotEqualTo(key(words));
    }

    @Test
    void setOfMixedTypesIsSortedByEncodingNotByValue() {
        Set<Object> a = new LinkedHashSet<>(List.of(1, "1", 1L, 2.0, List.of(1)));
        Set<Object> b = new LinkedHashSet<>(List.of(List.of(1), 2.0, 1L, "1", 1));
        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void mapKeyIgnoresInsertionOrderCapacityAndImplementation() {
        Map<String, Integer> forward = new LinkedHashMap<>();
        Map<String, Integer> backward = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            forward.put("k" + i, i);
            backward.put("k" + (99 - i), 99 - i);
        }
        Map<String, Integer> tiny = new HashMap<>(1);
        tiny.putAll(backward);
        Map<String, Integer> huge = new HashMap<>(8192);
        huge.putAll(forward);

        assertThat(key(forward)).isEqualTo(key(backward)).isEqualTo(key(tiny)).isEqualTo(key(huge))
                .isEqualTo(key(new TreeMap<>(forward))).isEqualTo(key(Map.copyOf(forward)));
    }

    @Test
    void mapValuesAreBoundToTheirKeys() {
        assertThat(key(Map.of("a", 1, "b", 2))).isNotEqualTo(key(Map.of("a", 2, "b", 1)));
        assertThat(key(Map.of("a", 1))).isNotEqualTo(key(Set.of("a", 1))).isNotEqualTo(key(List.of("a", 1)));
    }

    @Test
    void mapWhoseKeysShareAnEncodingHashesTheSameInEveryOrder() {
        // NoHash keys all encode alike; their entries must still be ordered independently of iteration order.
        Map<Object, Object> ab = new LinkedHashMap<>();
        ab.put(NoHash.of("a"), 1);
        ab.put(NoHash.of("b"), 2);
        Map<Object, Object> ba = new LinkedHashMap<>();
        ba.put(NoHash.of("b"), 2);
        ba.put(NoHash.of("a"), 1);
        assertThat(key(ab)).isEqualTo(key(ba));
    }

    @Test
    void negativeZeroDiffersFromZeroButEveryNanIsOneValue() {
        assertThat(key(-0.0)).isNotEqualTo(key(0.0));
        assertThat(key(-0.0f)).isNotEqualTo(key(0.0f));
        double otherNan = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
        float otherFloatNan = Float.intBitsToFloat(0xff80_0001);
        assertThat(Double.isNaN(otherNan)).isTrue();
        assertThat(key(otherNan)).isEqualTo(key(Double.NaN));
        assertThat(key(otherFloatNan)).isEqualTo(key(Float.NaN));
        assertThat(key(new double[] {otherNan})).isEqualTo(key(new double[] {Double.NaN}));
    }

    @Test
    void stringWithALoneSurrogateDoesNotCollideWithAQuestionMark() {
        // Java's UTF-8 encoder replaces an unpaired surrogate by '?'; the hash must not.
        assertThat(key("\uD800")).isNotEqualTo(key("?"));
        assertThat(key("a\uDC00b")).isNotEqualTo(key("a?b")).isNotEqualTo(key("a\uDC01b"));
        assertThat(hex("\uD800")).isEqualTo("73" + "03" + "eda080");
        assertThat(hex("\uD83D\uDE00")).isEqualTo("73" + "04" + "f09f9880"); // a surrogate pair is one code point
    }

    @Test
    void concatenatedArgumentsAreDelimited() {
        assertThat(jug.task(Golden::join, "ab", "c").key()).isNotEqualTo(jug.task(Golden::join, "a", "bc").key());
        assertThat(key(List.of("a", "b"))).isNotEqualTo(key(List.of("ab")));
        assertThat(key(List.of(List.of(), List.of(1)))).isNotEqualTo(key(List.of(List.of(1), List.of())));
        assertThat(key(new int[][] {{1, 2}, {}})).isNotEqualTo(key(new int[][] {{1}, {2}}));
    }

    @Test
    void distinctValuesHaveDistinctEncodings() {
        List<Object> values = Arrays.asList(null, "", "null", 0, 0L, 0.0, 0.0f, (short) 0, (byte) 0, '\0', false,
                List.of(), Set.of(), Map.of(), new int[0], new long[0], new Object[0], new String[0],
                new boolean[] {false}, new byte[] {0}, Optional.empty(), Optional.of(""), List.of(""),
                BigInteger.ZERO, BigDecimal.ZERO, new BigDecimal("0.0"), Path.of(""), Path.of("a"), "a",
                Color.RED, "RED", new Point(0, 0), List.of(0, 0), NoHash.of(0), new CustomHash<>(0, ""),
                new CustomHash<>(0, "0"), LocalDate.of(2024, 1, 1), "2024-01-01", Duration.ZERO, "PT0S");
        List<String> encodings = values.stream().map(this::hex).toList();
        assertThat(encodings).doesNotHaveDuplicates();
    }

    @Test
    void recordKeyDependsOnClassComponentNamesAndValues() {
        assertThat(key(new Point(1, 2))).isNotEqualTo(key(new Point(2, 1)));
        assertThat(hex(new Point(1, 2))).startsWith("52" + "19" + HexFormat.of().formatHex("jug.fixtures.Golden$Point".getBytes()))
                .contains(HexFormat.of().formatHex("x".getBytes()) + "4900000001");
    }

    @Test
    void upstreamChangeChangesEveryDownstreamKey() {
        Map<Integer, List<TaskKey>> keysBySeed = new HashMap<>();
        for (int seed : new int[] {3, 4}) {
            Jug j = new Jug();
            Task<Integer> a = j.task(Golden::square, seed);
            Task<Object> b = j.task(Golden::id, a);
            Task<String> c = j.task(Golden::join, b, "unchanged");
            Task<Object> d = j.task(Golden::id, List.of(Map.of("k", new Object[] {c})));
            Task<Object> e = j.task(Golden::id, new Golden.Labelled("l", List.of(d), new Point(0, 0)));
            Task<Object> unrelated = j.task(Golden::id, "unrelated");
            keysBySeed.put(seed, List.of(a.key(), b.key(), c.key(), d.key(), e.key(), unrelated.key()));
        }
        List<TaskKey> three = keysBySeed.get(3);
        List<TaskKey> four = keysBySeed.get(4);
        for (int i = 0; i < 5; i++) {
            assertThat(three.get(i)).as("task %d", i).isNotEqualTo(four.get(i));
        }
        assertThat(three.get(5)).isEqualTo(four.get(5));
    }

    @Test
    void taskArgumentContributesItsKeyNotItsName() {
        Task<Integer> nine = jug.task(Golden::square, 3);
        assertThat(hex(nine)).isEqualTo("4b" + nine.key().hex());
    }

    @Test
    void noHashLeavesItsValueOutButNotItsPlace() {
        assertThat(key(NoHash.of(1))).isEqualTo(key(NoHash.of("anything else"))).isEqualTo(key(NoHash.of(null)))
                .isNotEqualTo(key(1)).isNotEqualTo(key(null));
        assertThat(jug.task(Golden::join, NoHash.of(1), 2).key())
                .isNotEqualTo(jug.task(Golden::join, NoHash.of(1), 3).key());
        assertThat(key(List.of(NoHash.of(1), 2))).isNotEqualTo(key(List.of(2, NoHash.of(1))));
    }

    @Test
    void customHashUsesOnlyItsFingerprint() {
        assertThat(key(CustomHash.of(new Object(), o -> "v1"))).isEqualTo(key(CustomHash.of(new Thread(), o -> "v1")))
                .isNotEqualTo(key(CustomHash.of(new Object(), o -> "v2")))
                .isNotEqualTo(key("v1"));
    }

    @Test
    void enumKeyNamesTheEnumEvenForConstantsWithBodies() {
        assertThat(Golden.Op.PLUS.getClass()).isNotEqualTo(Golden.Op.class);
        assertThat(hex(Golden.Op.PLUS)).isEqualTo("45" + "16" + HexFormat.of().formatHex("jug.fixtures.Golden$Op".getBytes())
                + "04" + HexFormat.of().formatHex("PLUS".getBytes()));
    }

    static final class Plain {
        int x = 1;
    }

    record Holder(Object lock) {
    }

    @Test
    void unhashableValuesAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> encoder.taskKey("f", new Object[] {1, new Thread()}))
                .isInstanceOf(UnhashableArgumentException.class)
                .hasMessage("argument 2: type java.lang.Thread has no stable hash");
        assertThatThrownBy(() -> encoder.taskKey("f", new Object[] {List.of(1, new Object())}))
                .isInstanceOfSatisfying(UnhashableArgumentException.class, e -> {
                    assertThat(e.path()).isEqualTo("argument 1, element 1");
                    assertThat(e.type()).isEqualTo(Object.class);
                });
        assertThatThrownBy(() -> encoder.taskKey("f", new Object[] {Map.of("k", new Holder(new Plain()))}))
                .isInstanceOfSatisfying(UnhashableArgumentException.class, e -> {
                    assertThat(e.path()).isEqualTo("argument 1, value of key k, component 'lock'");
                    assertThat(e.type()).isEqualTo(Plain.class);
                });
        assertThatThrownBy(() -> encoder.taskKey("f", new Object[] {Set.of(new StringBuilder("x"))}))
                .isInstanceOfSatisfying(UnhashableArgumentException.class,
                        e -> assertThat(e.path()).isEqualTo("argument 1, set element"));
        assertThatThrownBy(() -> encoder.taskKey("f", new Object[] {Optional.of(new Object[] {new Object()})}))
                .isInstanceOfSatisfying(UnhashableArgumentException.class,
                        e -> assertThat(e.path()).isEqualTo("argument 1, optional value, element 0"));
    }

    @Test
    void valueKeyNeverEqualsATaskKey() {
        // A list of 68 elements whose first is a 14-character string of 'N's encodes, after the label, to the same
        // bytes as 76 arguments (one double and 75 nulls): the two keys need different prefixes.
        List<Object> list = new ArrayList<>();
        list.add("N".repeat(14));
        list.addAll(Collections.nCopies(67, null));
        Object[] args = new Object[76];
        args[0] = Double.longBitsToDouble(0x730e_4e4e_4e4e_4e4eL);
        assertThat(encoder.valueKey("f", list)).isNotEqualTo(encoder.taskKey("f", args));
    }
}
