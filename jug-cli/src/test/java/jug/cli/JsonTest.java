package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void nestedObjectsParseBack() {
        String text = new Json().begin().field("a", 1).begin("b").field("c", true).field("d", 0.5).end()
                .field("e", "x").end().toString();
        assertThat(text).isEqualTo("{\"a\":1,\"b\":{\"c\":true,\"d\":0.5},\"e\":\"x\"}");
        assertThat(MiniJson.parse(text)).isEqualTo(Map.of("a", 1.0, "b", Map.of("c", true, "d", 0.5), "e", "x"));
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        String nasty = "a\"b\\c\nd\te\u0001f→";
        assertThat(Json.quote(nasty)).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f→\"");
        assertThat(MiniJson.parse(Json.quote(nasty))).isEqualTo(nasty);
    }

    @Test
    void aNonFiniteNumberIsNull() {
        assertThat(new Json().begin().field("x", Double.NaN).end().toString()).isEqualTo("{\"x\":null}");
    }
}
