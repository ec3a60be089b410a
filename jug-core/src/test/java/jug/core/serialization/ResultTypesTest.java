package jug.core.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultTypesTest {
    private final ResultTypes types = ResultTypes.forJugfile(Set.of("Jugfile", "Jugfile$Result"));

    @Test
    void valuesCollectionsAndTheJugfilesOwnClassesAreAllowed() {
        assertThat(List.of("java.lang.String", "java.lang.Integer", "java.util.ArrayList", "java.util.HashMap",
                "java.util.ImmutableCollections$ListN", "java.time.LocalDate", "java.math.BigDecimal", "Jugfile",
                "Jugfile$Result", "jug.vision.GrayU8")).allMatch(types::allows);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(List.of("java.lang.Thread", "java.lang.ProcessBuilder", "java.io.File", "java.net.URL",
                "java.lang.Object", "java.util.EnumMap", "Jugfile$Other", "JugfileX", "jug.visionary.X",
                "java.timeX.Y", "java.util.concurrent.atomic.AtomicInteger")).noneMatch(types::allows);
    }

    @Test
    void arraysAreAllowedWhenTheirElementTypeIs() {
        assertThat(List.of("[I", "[[D", "[Z", "[Ljava.lang.String;", "[[LJugfile$Result;")).allMatch(types::allows);
        assertThat(List.of("[Ljava.net.URL;", "[[Ljava.lang.Thread;", "[X", "[", "[Ljava.lang.String"))
                .noneMatch(types::allows);
    }

    @Test
    void allowingTakesExactNamesAndPackagesEndingInADot() {
        ResultTypes wider = types.allowing(List.of("smile.regression.", "org.example.Model"));
        assertThat(wider.allows("smile.regression.OLS")).isTrue();
        assertThat(wider.allows("smile.regression.impl.Deep")).isTrue();
        assertThat(wider.allows("org.example.Model")).isTrue();
        assertThat(wider.allows("org.example.Model2")).isFalse();
        assertThat(wider.allows("smile.regressionX")).isFalse();
        assertThat(types.allows("smile.regression.OLS")).as("the original is unchanged").isFalse();
    }
}
