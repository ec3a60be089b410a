package jug.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskKeyTest {
    private static final String HEX = "00ff8a0123456789abcdef0123456789fedcba98765432100f1e2d3c4b5a6978";

    @Test
    void aKeyIsWrittenAsTheHexDigitsOfItsDigest() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("jug".getBytes(StandardCharsets.UTF_8));
        TaskKey key = TaskKey.of(digest);
        assertThat(key.hex()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(key.toBytes()).isEqualTo(digest);
        assertThat(new String(key.hexBytes(), StandardCharsets.US_ASCII)).isEqualTo(key.hex());
        assertThat(key.shortHex()).isEqualTo(key.hex().substring(0, 12));
    }

    @Test
    void putHexWritesTheDigitsAtTheOffsetAndNothingElse() {
        byte[] target = "jug:p:lock:".concat("-".repeat(66)).getBytes(StandardCharsets.US_ASCII);
        new TaskKey(HEX).putHex(target, 11);
        assertThat(new String(target, StandardCharsets.US_ASCII)).isEqualTo("jug:p:lock:" + HEX + "--");
    }

    @Test
    void parsingTextOrBytesGivesBackTheKey() {
        TaskKey key = new TaskKey(HEX);
        assertThat(TaskKey.parseOrNull(HEX)).isEqualTo(key);
        assertThat(TaskKey.parseOrNull(HEX.getBytes(StandardCharsets.US_ASCII))).isEqualTo(key);
        assertThat(key.hex()).isEqualTo(HEX);
    }

    @Test
    void textThatIsNotSixtyFourLowercaseHexDigitsIsNoKey() {
        List<String> bad = List.of("", HEX.substring(1), HEX + "0", HEX.toUpperCase(),
                HEX.substring(0, 63) + "g", HEX.substring(0, 63) + "\u0100", HEX.substring(0, 63) + "\u0130");
        for (String text : bad) {
            assertThat(TaskKey.parseOrNull(text)).as("'%s'", text).isNull();
            assertThat(TaskKey.isValid(text)).as("'%s'", text).isFalse();
            assertThatThrownBy(() -> new TaskKey(text)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TaskKey.parseOrNull(HEX.substring(0, 63).concat("\u00e9").getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
    }

    @Test
    void keysOrderAsTheirHexDigitsDo() {
        List<String> hexes = List.of("8" + HEX.substring(1), "0" + HEX.substring(1), "f" + HEX.substring(1),
                HEX.substring(0, 63) + "0", HEX.substring(0, 63) + "f");
        List<TaskKey> keys = new ArrayList<>(hexes.stream().map(TaskKey::new).toList());
        keys.sort(null);
        assertThat(keys.stream().map(TaskKey::hex).toList()).isEqualTo(hexes.stream().sorted().toList());
    }
}
