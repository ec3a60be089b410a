package jug.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jug.core.CustomHash;
import jug.core.Jug;
import jug.core.NoHash;
import jug.core.Task;
import jug.fixtures.Golden;
import jug.fixtures.Golden.Color;
import jug.fixtures.Golden.Labelled;
import jug.fixtures.Golden.Op;
import jug.fixtures.Golden.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Declares, from Java, the tasks that {@code scripts/hash-golden.py} hashes from the specification in
 * {@code docs/hashing.md}, and checks that both agree on every key: a change of the encoding fails here, and the
 * specification is shown to describe what the encoder does.
 */
class GoldenHashTest {
    record Row(String name, String taskName, String key, String arguments) {
    }

    record Declared(Task<?> task, Object[] arguments) {
    }

    private static final CanonicalEncoder ENCODER = new CanonicalEncoder();
    private static final Map<String, Declared> DECLARED = declare();

    private static Map<String, Declared> declare() {
        Jug jug = new Jug();
        Map<String, Declared> d = new LinkedHashMap<>();
        Cases c = new Cases(jug, d);
        c.id("int_1", 1);
        c.id("long_1", 1L);
        c.id("double_1", 1.0);
        c.id("string_1", "1");
        c.id("int_negative", -7);
        c.id("int_min", Integer.MIN_VALUE);
        c.id("long_max", Long.MAX_VALUE);
        c.id("double_zero", 0.0);
        c.id("double_negative_zero", -0.0);
        c.id("double_nan", Double.NaN);
        c.id("double_negative_infinity", Double.NEGATIVE_INFINITY);
        c.id("double_third", 1.0 / 3);
        c.id("float_1_5", 1.5f);
        c.id("float_nan", Float.NaN);
        c.id("short_minus_2", (short) -2);
        c.id("byte_minus_1", (byte) -1);
        c.id("char_e_acute", 'é');
        c.id("boolean_true", true);
        c.id("boolean_false", false);
        c.id("null", null);
        c.id("string_empty", "");
        c.id("string_non_ascii", "naïve café – 日本語 \uD83D\uDE00");
        c.id("string_200_chars", "é".repeat(100) + "x".repeat(100));
        c.id("string_lone_surrogate", "a\uD800b");
        c.id("list_empty", List.of());
        c.id("list_ints", List.of(1, 2, 3));
        c.id("list_mixed_with_null", Arrays.asList(1, 1L, "1", null));
        c.id("list_nested", List.of(List.of(1, 2), new ArrayList<>(List.of(3)), List.of()));
        c.id("list_300_ints", IntStream.range(0, 300).boxed().toList());
        c.id("set_empty", new HashSet<>());
        c.id("set_strings", new HashSet<>(List.of("c", "a", "b")));
        c.id("set_mixed", Set.of(-0.0, 1L, "1", 1));
        Map<String, Integer> stringToInt = new HashMap<>();
        stringToInt.put("c", 3);
        stringToInt.put("a", 1);
        stringToInt.put("b", 2);
        c.id("map_string_to_int", stringToInt);
        c.id("map_mixed_keys", Map.of(1L, "c", "1", "b", 1, "a"));
        Map<String, Object> inner = new HashMap<>();
        inner.put("x", null);
        c.id("map_nested", Map.of(2, inner, 1, List.of(1, 2)));
        c.id("int_array", new int[] {1, -2, 3});
        c.id("int_array_empty", new int[0]);
        c.id("long_array", new long[] {-1, 1L << 40});
        c.id("double_array", new double[] {0.0, -0.0, Double.NaN, 2.5});
        c.id("float_array", new float[] {0.25f, -1f});
        c.id("byte_array", new byte[] {0, -1, 127});
        c.id("short_array", new short[] {Short.MIN_VALUE, Short.MAX_VALUE});
        c.id("char_array", "hé".toCharArray());
        c.id("boolean_array", new boolean[] {true, false, true});
        c.id("string_array_with_null", new String[] {"a", null});
        c.id("object_array", new Object[] {1, "x"});
        c.id("boxed_integer_array", new Integer[] {1, 2});
        c.id("double_matrix_ragged", new double[][] {{1, 2}, {3}});
        c.id("int_matrix_null_row", new int[][] {{1}, null});
        c.id("string_matrix", new String[][] {{"s"}});
        c.id("record_point", new Point(1, 2));
        c.id("record_nested", new Labelled("p", List.of(1, 2.5, new Point(5, 6)), new Point(3, 4)));
        c.id("record_with_nulls", new Labelled(null, null, null));
        c.id("point_array", new Point[] {new Point(0, 0)});
        c.id("enum", Color.RED);
        c.id("enum_constant_with_body", Op.TIMES);
        c.id("enum_list", List.of(Color.GREEN, DayOfWeek.MONDAY));
        c.id("path_relative", Path.of("data", "in.tif"));
        c.id("path_absolute", Path.of("/tmp/x y/é.txt"));
        c.id("big_integer_zero", BigInteger.ZERO);
        c.id("big_integer_255", BigInteger.valueOf(255));
        c.id("big_integer_minus_128", BigInteger.valueOf(-128));
        c.id("big_integer_minus_129", BigInteger.valueOf(-129));
        c.id("big_integer_2_pow_100", BigInteger.TWO.pow(100));
        c.id("big_integer_minus_2_pow_100", BigInteger.TWO.pow(100).negate());
        c.id("big_decimal_1_0", new BigDecimal("1.0"));
        c.id("big_decimal_1_00", new BigDecimal("1.00"));
        c.id("big_decimal_negative", new BigDecimal("-123.456"));
        c.id("big_decimal_1e3", new BigDecimal("1E+3"));
        c.id("optional_empty", Optional.empty());
        c.id("optional_string", Optional.of("x"));
        c.id("local_date", LocalDate.of(2024, 2, 29));
        c.id("local_date_time", LocalDateTime.of(2024, 1, 1, 10, 15, 30));
        c.id("local_time_nanos", LocalTime.of(10, 15, 30, 1));
        c.id("instant", Instant.parse("2024-01-01T00:00:00Z"));
        c.id("zoned_date_time", ZonedDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")));
        c.id("duration", Duration.ofMinutes(90));
        c.id("period", Period.of(1, 2, 3));
        c.id("year_month", YearMonth.of(2024, 2));
        c.id("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        c.id("no_hash", NoHash.of(new Object()));
        c.id("custom_hash", CustomHash.of(new Thread(), t -> "sha1:0a1b"));
        c.id("custom_hash_in_list", List.of(new CustomHash<>("ignored", "v2"), 1));
        c.put("square_7", jug.task(Golden::square, 7), 7);
        c.put("join_two_arguments", jug.task(Golden::join, "a", 1), "a", 1);
        c.put("join_no_hash_first", jug.task(Golden::join, NoHash.of(42), 1), NoHash.of(42), 1);
        c.put("zero_arguments", jug.task(Golden::zero));
        Task<Integer> up = jug.task(Golden::square, 3);
        c.put("upstream_square_3", up, 3);
        c.id("task_argument", up);
        c.id("task_in_list", List.of(up, "x"));
        c.id("task_in_map_value", Map.of("k", up));
        c.id("task_in_record", new Labelled("l", List.of(up), new Point(0, 0)));
        c.id("task_in_object_array", new Object[] {up});
        Task<Object> middle = jug.task(Golden::id, up);
        c.put("task_two_levels_down", jug.task(Golden::join, middle, up), middle, up);
        c.id("function_argument", (jug.core.TaskFunction.F1<Integer, Integer>) Golden::square);
        c.id("tasklet_element", up.get(0));
        c.id("tasklet_mapped", up.map(Golden::square));
        return d;
    }

    private record Cases(Jug jug, Map<String, Declared> into) {
        void id(String name, Object argument) {
            put(name, jug.task(Golden::id, argument), argument);
        }

        void put(String name, Task<?> task, Object... arguments) {
            assertThat(into.put(name, new Declared(task, arguments))).as("case %s declared twice", name).isNull();
        }
    }

    static List<Row> golden() throws IOException {
        try (InputStream in = GoldenHashTest.class.getResourceAsStream("golden.tsv")) {
            assertThat(in).as("golden.tsv beside GoldenHashTest; run scripts/hash-golden.py").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t", -1))
                    .map(f -> new Row(f[0], f[1], f[2], f[3]))
                    .toList();
        }
    }

    static Stream<Row> rows() throws IOException {
        return golden().stream();
    }

    @Test
    void javaDeclaresExactlyTheCasesOfTheGoldenFile() throws IOException {
        assertThat(golden().stream().map(Row::name)).containsExactlyElementsOf(DECLARED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void keyMatchesTheIndependentImplementation(Row row) {
        Declared declared = DECLARED.get(row.name());
        assertThat(declared).as("case %s is declared in GoldenHashTest", row.name()).isNotNull();
        StringBuilder arguments = new StringBuilder();
        for (Object a : declared.arguments()) {
            arguments.append(HexFormat.of().formatHex(ENCODER.encoding(a)));
        }
        assertThat(declared.task().name()).isEqualTo(row.taskName());
        assertThat(arguments.toString()).as("argument encodings of %s", row.name()).isEqualTo(row.arguments());
        assertThat(declared.task().key().hex()).as("key of %s", row.name()).isEqualTo(row.key());
    }
}
