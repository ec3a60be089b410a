package jug.core.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import jug.fixtures.Stored;
import jug.fixtures.Stored.Holder;
import jug.fixtures.Stored.Measurement;
import jug.fixtures.Stored.Sample;
import jug.fixtures.Stored.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResultCodecTest {
    static final ResultTypes TYPES = ResultTypes.forJugfile(Set.of(Stored.class.getName(), Unit.class.getName(),
            Measurement.class.getName(), Sample.class.getName(), Holder.class.getName()));
    static final ResultMetadata METADATA = new ResultMetadata("Jugfile.compute", "host-1", 4242,
            Instant.ofEpochMilli(1_700_000_000_123L), Duration.ofNanos(1_234_567_891L));

    private final ResultCodec codec = new ResultCodec(TYPES, ResultCodecTest.class.getClassLoader());

    private Object roundTrip(Object value) throws CorruptResultException {
        return codec.decode(codec.encode(value, METADATA));
    }

    /** Round-trips {@code value}, checking that its entry has payload kind {@code kind} (see ResultCodec). */
    private Object roundTrip(Object value, char kind) throws CorruptResultException {
        byte[] entry = codec.encode(value, METADATA);
        assertThat((char) entry[5]).as("payload kind").isEqualTo(kind);
        return codec.decode(entry);
    }

    static List<Object> kryoValues() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", new ArrayList<>(List.of(1, 2, 3)));
        nested.put("map", new HashMap<>(Map.of("k", List.of(Set.of("v")))));
        nested.put("null", null);
        return Arrays.asList(
                "text, naïve", 42, 42L, 4.2, 4.2f, (short) 4, (byte) 4, 'c', true,
                List.of(), List.of(1), List.of(1, 2, 3), Map.of(), Map.of("a", 1), Map.of("a", 1, "b", 2, "c", 3),
                Set.of(), Set.of("x"), Set.of("x", "y", "z"),
                new ArrayList<>(List.of("a", "b")), new HashMap<>(Map.of(1, "one", 2, "two")),
                new TreeMap<>(Map.of("b", 2, "a", 1)), nested, List.of(List.of(1, 2), List.of(), List.of(List.of(3))),
                new Integer[] {1, null, 3}, new String[][] {{"a"}, null, {}},
                new BigDecimal("-123.4500"), BigInteger.TWO.pow(200).negate(),
                LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 10, 15, 30, 5),
                ZonedDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")), Instant.ofEpochSecond(1, 2),
                Duration.ofMillis(-1500), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                Optional.of("present"), Optional.empty(), bitSet(1, 5, 64),
                Unit.SECOND, List.of(Unit.METRE, Unit.SECOND),
                new Measurement("length", 1.5, Unit.METRE),
                new Holder(Map.of("measurement", new Measurement("t", -0.0, Unit.SECOND))),
                new Holder(null));
    }

    /** One instance of every JDK class that ResultTypes allows (except Void, which has none). */
    static List<Object> allowedJdkValues() {
        return List.of(new LinkedList<>(List.of(1, 2)), new LinkedHashMap<>(Map.of("a", 1)),
                new TreeSet<>(Set.of("b", "a")), new HashSet<>(Set.of(1)), new LinkedHashSet<>(List.of(2, 1)),
                OptionalInt.of(3), OptionalLong.empty(), OptionalDouble.of(0.5), Arrays.asList("x", "y"),
                Collections.emptyList(), Collections.emptySet(), Collections.emptyMap(),
                Collections.singletonList("s"), Collections.singleton("s"), Collections.singletonMap("k", "v"),
                new ConcurrentHashMap<>(Map.of("c", 1)), new CopyOnWriteArrayList<>(List.of(1)),
                UUID.randomUUID(), List.copyOf(new ArrayList<>(List.of(1, 2, 3, 4))),
                java.time.Year.of(2024), java.time.YearMonth.of(2024, 2), java.time.MonthDay.of(2, 29),
                java.time.OffsetDateTime.parse("2024-01-01T10:00+02:00"), java.time.LocalTime.NOON,
                java.time.ZoneOffset.ofHours(-3), java.time.Period.ofDays(3), java.time.DayOfWeek.FRIDAY);
    }

    @ParameterizedTest
    @MethodSource("allowedJdkValues")
    void everyAllowedJdkClassRoundTrips(Object value) throws CorruptResultException {
        assertThat(TYPES.allows(value.getClass().getName())).as("allowed: %s", value.getClass().getName()).isTrue();
        assertThat(roundTrip(value)).isEqualTo(value).hasSameClassAs(value);
    }

    @Test
    void enumMapIsRefusedWhenWrittenSinceKryoCannotReadItBack() {
        EnumMap<Unit, String> enumMap = new EnumMap<>(Unit.class);
        enumMap.put(Unit.METRE, "m");
        assertThatThrownBy(() -> codec.encode(enumMap, METADATA)).isInstanceOfSatisfying(
                UnstorableResultException.class, e -> assertThat(e.type()).isEqualTo("java.util.EnumMap"));
    }

    @Test
    void payloadThatFailsInsideASerializerIsCorruptNotACrash() {
        // An EnumMap written by a permissive codec makes Kryo's map serializer throw a ClassCastException on read.
        EnumMap<Unit, String> enumMap = new EnumMap<>(Unit.class);
        enumMap.put(Unit.METRE, "m");
        ResultCodec permissive = new ResultCodec(TYPES.allowing(List.of("java.util.EnumMap")),
                getClass().getClassLoader());
        byte[] entry = permissive.encode(enumMap, METADATA);
        assertThatThrownBy(() -> permissive.decode(entry)).isInstanceOf(CorruptResultException.class)
                .hasMessageStartingWith("payload does not decode: ")
                .hasCauseInstanceOf(ClassCastException.class);
    }

    @Test
    void arrayDequeRoundTrips() throws CorruptResultException {
        ArrayDeque<Integer> deque = new ArrayDeque<>(List.of(3, 1, 2));
        assertThat(roundTrip(deque)).isInstanceOf(ArrayDeque.class).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE).containsExactly(3, 1, 2);
    }

    private static BitSet bitSet(int... bits) {
        BitSet set = new BitSet();
        Arrays.stream(bits).forEach(set::set);
        return set;
    }

    @ParameterizedTest
    @MethodSource("kryoValues")
    void kryoValueRoundTrips(Object value) throws CorruptResultException {
        Object back = roundTrip(value, 'K');
        if (value instanceof Object[] array) {
            assertThat(back).isInstanceOf(array.getClass());
            assertThat(Arrays.deepEquals((Object[]) back, array)).as("deep equality").isTrue();
        } else {
            assertThat(back).isEqualTo(value);
            assertThat(back).usingRecursiveComparison().isEqualTo(value);
        }
    }

    @Test
    void recordWithArraysListsAndMapsRoundTrips() throws CorruptResultException {
        Map<String, Object> extra = new TreeMap<>(Map.of("when", LocalDate.of(2024, 1, 2), "n", 3L));
        Sample sample = new Sample("s1", new double[] {1.0, Double.NaN, -0.0},
                List.of(new Measurement("a", 1, Unit.METRE), new Measurement("b", 2, Unit.SECOND)), extra);
        Sample back = (Sample) roundTrip(sample);
        assertThat(back.id()).isEqualTo("s1");
        assertThat(back.values()).containsExactly(1.0, Double.NaN, -0.0);
        assertThat(back.measurements()).isEqualTo(sample.measurements());
        assertThat(back.extra()).isEqualTo(extra).isInstanceOf(TreeMap.class);
    }

    @Test
    void sharedObjectsStaySharedAndCyclesSurvive() throws CorruptResultException {
        List<Object> shared = new ArrayList<>(List.of("s"));
        List<Object> outer = new ArrayList<>(List.of(shared, shared));
        outer.add(outer);
        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) roundTrip(outer);
        assertThat(back.get(0)).isSameAs(back.get(1)).isEqualTo(List.of("s"));
        assertThat(back.get(2)).isSameAs(back);
    }

    @Test
    void nullIsStoredWithoutAPayload() throws CorruptResultException {
        assertThat(roundTrip(null, 'N')).isNull();
    }

    static List<Object> primitiveArrays() {
        return List.of(new boolean[] {true, false, true}, new byte[] {-128, 0, 127}, new char[] {'a', 'é', '\uffff'},
                new short[] {Short.MIN_VALUE, -1, Short.MAX_VALUE}, new int[] {Integer.MIN_VALUE, 0, 7},
                new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, new float[] {1.5f, -0.0f, Float.NaN, Float.MIN_VALUE},
                new double[] {Math.PI, -0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}, new int[0], new double[0],
                new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2, 3}, {}, {4}}, new int[][] {{1}, null, {2}},
                new double[][] {}, new double[][] {null}, new long[][][] {{{1}, {2, 3}}, null, {null, {}}},
                new byte[][] {{1, 2}, {3}}, new boolean[][] {{true}, {}}, new char[][] {"ab".toCharArray()},
                new short[][] {{1}}, new float[][] {{1f, 2f}});
    }

    @ParameterizedTest
    @MethodSource("primitiveArrays")
    void primitiveArrayTakesTheRawPathAndRoundTrips(Object array) throws CorruptResultException {
        Object back = roundTrip(array, 'A');
        assertThat(back).isInstanceOf(array.getClass());
        assertThat(Arrays.deepEquals(new Object[] {back}, new Object[] {array})).as("deep equality").isTrue();
    }

    @Test
    void rawPathKeepsTheBitsOfEveryDouble() throws CorruptResultException {
        double oddNan = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
        double[] back = (double[]) roundTrip(new double[] {oddNan, -0.0});
        assertThat(Double.doubleToRawLongBits(back[0])).isEqualTo(0x7ff0_0000_0000_0001L);
        assertThat(Double.doubleToRawLongBits(back[1])).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rawPathIsLittleEndianAsDocumented() {
        byte[] entry = codec.encode(new int[] {1}, METADATA);
        int payload = 10 + ByteBuffer.wrap(entry).getInt(6) + 8;
        assertThat(Arrays.copyOfRange(entry, payload, payload + 10))
                .containsExactly('I', 1, 1, 0, 0, 0, 1, 0, 0, 0);
    }

    @ParameterizedTest
    @MethodSource("primitiveArrays")
    void primitiveArrayInsideAValueRoundTrips(Object array) throws CorruptResultException {
        Object back = ((Holder) roundTrip(new Holder(array))).content();
        assertThat(back).isInstanceOf(array.getClass());
        assertThat(Arrays.deepEquals(new Object[] {back}, new Object[] {array})).as("deep equality").isTrue();
    }

    @Test
    void arraysInsideAValueAreCopiedInBulkKeepingNullsAndSharing() throws CorruptResultException {
        int[] pixels = new int[1 << 18];
        Arrays.setAll(pixels, i -> i * 31);
        List<Object> value = new ArrayList<>(Arrays.asList(pixels, null, pixels, new long[] {Long.MIN_VALUE}));
        byte[] entry = codec.encode(new Holder(value), METADATA);
        assertThat(entry.length).as("4 bytes a pixel, not a variable-length number each").isBetween(4 << 18, (4 << 18) + 400);
        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) ((Holder) codec.decode(entry)).content();
        assertThat((int[]) back.get(0)).isEqualTo(pixels);
        assertThat(back.get(1)).isNull();
        assertThat(back.get(2)).isSameAs(back.get(0));
        assertThat((long[]) back.get(3)).containsExactly(Long.MIN_VALUE);
    }

    @Test
    void largeArrayRoundTrips() throws CorruptResultException {
        double[] big = new double[1 << 20];
        Arrays.setAll(big, i -> i * 0.5);
        assertThat((double[]) roundTrip(big)).isEqualTo(big);
    }

    @Test
    void metadataRoundTripsWithoutDecodingTheValue() throws CorruptResultException {
        byte[] entry = codec.encode(List.of("value"), METADATA);
        assertThat(ResultCodec.metadata(entry)).isEqualTo(METADATA);
        ResultMetadata unicode = new ResultMetadata("Jugfile.naïve", "hôte", -1, Instant.EPOCH, Duration.ZERO);
        assertThat(ResultCodec.metadata(codec.encode(new int[] {1}, unicode))).isEqualTo(unicode);
    }

    @Test
    void metadataKeepsMillisecondsOfTheStartTime() throws CorruptResultException {
        ResultMetadata precise = new ResultMetadata("f", "h", 1, Instant.ofEpochSecond(10, 123_456_789),
                Duration.ofNanos(1));
        assertThat(ResultCodec.metadata(codec.encode(1, precise)).started())
                .isEqualTo(Instant.ofEpochSecond(10, 123_000_000));
    }

    @Test
    void entryFollowsTheDocumentedLayout() {
        byte[] entry = codec.encode("x", METADATA);
        ByteBuffer b = ByteBuffer.wrap(entry);
        assertThat(Arrays.copyOf(entry, 4)).containsExactly('J', 'U', 'G', 'R');
        assertThat(entry[4]).isEqualTo((byte) 1);
        int metadataLength = b.getInt(6);
        long payloadLength = b.getLong(10 + metadataLength);
        assertThat(entry.length).isEqualTo(10 + metadataLength + 8 + payloadLength + 4);
        CRC32C crc = new CRC32C();
        crc.update(entry, 0, entry.length - 4);
        assertThat(b.getInt(entry.length - 4)).isEqualTo((int) crc.getValue());
    }

    static List<Object> smallEntries() {
        return Arrays.asList("x", new int[] {1, 2}, null, List.of(1L));
    }

    @ParameterizedTest
    @MethodSource("smallEntries")
    void changingAnySingleByteIsDetected(Object value) {
        byte[] entry = codec.encode(value, METADATA);
        for (int i = 0; i < entry.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = entry.clone();
                damaged[i] ^= (byte) mask;
                int at = i;
                assertThatThrownBy(() -> codec.decode(damaged)).as("byte %d ^ %02x", at, mask)
                        .isInstanceOf(CorruptResultException.class);
                assertThatThrownBy(() -> ResultCodec.metadata(damaged)).as("metadata, byte %d ^ %02x", at, mask)
                        .isInstanceOf(CorruptResultException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("smallEntries")
    void truncationAtEveryLengthAndExtraBytesAreDetected(Object value) {
        byte[] entry = codec.encode(value, METADATA);
        for (int length = 0; length < entry.length; length++) {
            byte[] truncated = Arrays.copyOf(entry, length);
            assertThatThrownBy(() -> codec.decode(truncated)).as("length %d", length)
                    .isInstanceOf(CorruptResultException.class);
        }
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(entry, entry.length + 1)))
                .isInstanceOf(CorruptResultException.class).hasMessageContaining("its header says");
    }

    @Test
    void wrongMagicAndVersionAreReportedAsSuch() {
        byte[] entry = codec.encode("x", METADATA);
        byte[] magic = entry.clone();
        magic[0] = 'P';
        assertThatThrownBy(() -> codec.decode(magic)).isInstanceOf(CorruptResultException.class)
                .hasMessage("not a jug result entry (bad magic)");
        byte[] version = entry.clone();
        version[4] = 2;
        assertThatThrownBy(() -> codec.decode(version)).isInstanceOf(CorruptResultException.class)
                .hasMessage("entry format version 2, this jug reads version 1");
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(CorruptResultException.class)
                .hasMessage("entry too short (0 bytes)");
    }

    @Test
    void unknownPayloadKindWithAValidChecksumIsCorrupt() {
        byte[] entry = Entries.withPayload('Q', new byte[0]);
        assertThatThrownBy(() -> codec.decode(entry)).isInstanceOf(CorruptResultException.class)
                .hasMessage("unknown payload kind 81");
    }

    @Test
    void primitiveArrayHeaderClaimingMoreThanThePayloadHoldsIsCorrupt() {
        ByteBuffer rows = ByteBuffer.allocate(6).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        rows.put((byte) 'D').put((byte) 2).putInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> codec.decode(Entries.withPayload('A', rows.array())))
                .isInstanceOf(CorruptResultException.class).hasMessageContaining("bad array length");
        ByteBuffer values = ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        values.put((byte) 'I').put((byte) 1).putInt(2).putInt(7);
        assertThatThrownBy(() -> codec.decode(Entries.withPayload('A', values.array())))
                .isInstanceOf(CorruptResultException.class).hasMessageContaining("bad array length");
        assertThatThrownBy(() -> codec.decode(Entries.withPayload('A', new byte[] {'X', 1, 0, 0, 0, 0})))
                .isInstanceOf(CorruptResultException.class).hasMessageContaining("bad primitive array header");
    }

    @Test
    void threadIsRefusedWhenWrittenNamingItsType() {
        assertThatThrownBy(() -> codec.encode(new Thread(), METADATA))
                .isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo("java.lang.Thread"))
                .hasMessageStartingWith("cannot store a value of type java.lang.Thread: not among the types");
    }

    @Test
    void fileIsRefusedEvenInsideAnAllowedValue() {
        assertThatThrownBy(() -> codec.encode(new File("/tmp/x"), METADATA))
                .isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo("java.io.File"));
        assertThatThrownBy(() -> codec.encode(new ArrayList<>(List.of("ok", new File("x"))), METADATA))
                .isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo("java.io.File"));
        assertThatThrownBy(() -> codec.encode(new Holder(new Thread()), METADATA))
                .isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo("java.lang.Thread"));
    }

    @Test
    void classOutsideTheAllowListIsRefused() {
        assertThatThrownBy(() -> codec.encode(new AtomicInteger(1), METADATA))
                .isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo("java.util.concurrent.atomic.AtomicInteger"));
        ResultCodec strict = new ResultCodec(ResultTypes.forJugfile(Set.of()), getClass().getClassLoader());
        assertThatThrownBy(() -> strict.encode(new Measurement("m", 1, Unit.METRE), METADATA))
                .isInstanceOfSatisfying(UnstorableResultException.class,
                        e -> assertThat(e.type()).isEqualTo(Measurement.class.getName()));
    }

    @Test
    void valueWrittenUnderOneAllowListIsRefusedUnderANarrowerOne() {
        byte[] entry = codec.encode(new Measurement("m", 1, Unit.METRE), METADATA);
        ResultCodec strict = new ResultCodec(ResultTypes.forJugfile(Set.of()), getClass().getClassLoader());
        assertThatThrownBy(() -> strict.decode(entry)).isInstanceOf(CorruptResultException.class)
                .hasMessage("refused to load jug.fixtures.Stored$Measurement, which a stored result may not contain")
                .hasCauseInstanceOf(UnstorableResultException.class);
    }

    @Test
    void allowingAClassOrAPackageWidensTheList() throws CorruptResultException {
        Measurement m = new Measurement("m", 1, Unit.METRE);
        ResultTypes none = ResultTypes.forJugfile(Set.of());
        for (ResultTypes widened : List.of(none.allowing(List.of("jug.fixtures.")),
                none.allowing(List.of(Measurement.class.getName(), Unit.class.getName())))) {
            ResultCodec c = new ResultCodec(widened, getClass().getClassLoader());
            assertThat(c.decode(c.encode(m, METADATA))).isEqualTo(m);
        }
    }
}
