package jug.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import jug.core.TaskKey;
import org.junit.jupiter.api.Test;

class NamespaceTest {
    private static final TaskKey KEY = new TaskKey("3f9a".repeat(16));

    @Test
    void aJugfileIsNamedAfterItsDirectoryAndAHashOfItsPath() {
        Namespace primes = Namespace.forProject("/home/ana/primes/Jugfile.java");
        assertThat(primes.name()).matches("primes-[0-9a-f]{12}");
        assertThat(Namespace.forProject("/home/ana/primes/Jugfile.java")).isEqualTo(primes);
        assertThat(Namespace.forProject("/home/bo/primes/Jugfile.java")).isNotEqualTo(primes);
        assertThat(Namespace.forProject("/home/ana/primes/sieve.java").name()).startsWith("sieve-");
        assertThat(Namespace.forProject("org.lab.Pipeline").name()).startsWith("org.lab.Pipeline-");
        assertThat(Namespace.forProject("/data/my dir: 2/Jugfile.java").name()).startsWith("my_dir__2-");
    }

    @Test
    void keysCarryTheNamespace() {
        Namespace ns = new Namespace("primes-1");
        assertThat(new String(ns.resultKey(KEY), StandardCharsets.US_ASCII)).isEqualTo("jug:primes-1:result:" + KEY.hex());
        assertThat(new String(ns.lockKey(KEY), StandardCharsets.US_ASCII)).isEqualTo("jug:primes-1:lock:" + KEY.hex());
        assertThat(new String(ns.resultIndex(), StandardCharsets.US_ASCII)).isEqualTo("jug:primes-1:results");
        assertThat(new String(ns.lockIndex(), StandardCharsets.US_ASCII)).isEqualTo("jug:primes-1:locks");
        assertThat(ns.pattern()).isEqualTo("jug:primes-1:*");
    }

    @Test
    void namesThatCouldOverlapAnotherNamespaceOrActAsPatternsAreRefused() {
        for (String bad : new String[] {"", "a:b", "a*", "a?", "[a]", "a b", "x".repeat(101)}) {
            assertThatThrownBy(() -> new Namespace(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
