package jug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class JugrcTest {
    @TempDir
    Path home;

    @TempDir
    Path repo;

    private static String defaultOf(Jugrc rc, String command, String option) {
        CommandLine cli = JugCommand.commandLine(command);
        CommandSpec spec = cli.getSubcommands().get(command).getCommandSpec();
        return rc.defaultValue(spec.findOption(option));
    }

    @Test
    void mainKeysApplyToEveryCommandAndSectionKeysToTheirs() throws IOException {
        Files.writeString(home.resolve(".jugrc"), "");
        Files.createDirectories(home.resolve(".config/jug"));
        Files.writeString(home.resolve(".config/jug/jugrc"), "jugdir = /data/x\n[execute]\nlease-time = 60\n");
        Jugrc rc = Jugrc.load(repo, home);
        assertThat(defaultOf(rc, "execute", "--jugdir")).isEqualTo("/data/x");
        assertThat(defaultOf(rc, "status", "--jugdir")).isEqualTo("/data/x");
        assertThat(defaultOf(rc, "execute", "--lease-time")).isEqualTo("60");
        assertThat(defaultOf(rc, "execute", "--keep-going")).isNull();
    }

    @Test
    void theClosestFileWinsUpToTheGitRoot() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path sub = Files.createDirectories(repo.resolve("a/b"));
        Files.writeString(repo.resolve(".jugrc"), "[main]\njugdir = from-root\n[execute]\npoll = 50\n");
        Files.writeString(sub.resolve("jugrc"), "[main]\njugdir = from-sub\n");
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/jugrc"), "jugdir = from-home\nverbose = true\n");
        Jugrc rc = Jugrc.load(sub, home);
        assertThat(defaultOf(rc, "execute", "--jugdir")).isEqualTo("from-sub");
        assertThat(defaultOf(rc, "execute", "--poll")).isEqualTo("50");
        assertThat(defaultOf(rc, "execute", "--verbose")).isEqualTo("true");
    }

    @Test
    void withoutGitOnlyTheWorkingDirectoryIsSearched() throws IOException {
        Path sub = Files.createDirectories(repo.resolve("a"));
        Files.writeString(repo.resolve(".jugrc"), "jugdir = from-parent\n");
        assertThat(defaultOf(Jugrc.load(sub, home), "execute", "--jugdir")).isNull();
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws IOException {
        Files.writeString(repo.resolve("jugrc"), "[main]\njugdir /x\n");
        assertThatThrownBy(() -> Jugrc.load(repo, home)).hasMessageContaining("jugrc:2: expected 'key = value'");
    }
}
