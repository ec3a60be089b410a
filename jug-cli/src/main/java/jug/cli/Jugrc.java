package jug.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from configuration files, as Python jug reads them: the first of {@code ~/.config/jug/jugrc},
 * {@code ~/.config/jugrc} and {@code ~/.jug/configrc}, then {@code .jugrc} and {@code jugrc} in the working directory
 * and, inside a git work tree, in every directory up to its root — the closest file wins, and the command line wins
 * over every file. The format is jug's INI: {@code key = value} lines, keys named like long options; keys under
 * {@code [main]} (or before any section) apply to every command, keys under {@code [execute]} only to it:
 *
 * <pre>
 * [main]
 * jugdir = /scratch/me/%(jugfile)s.jugdata
 * [execute]
 * lease-time = 60
 * keep-going = true
 * </pre>
 */
final class Jugrc implements IDefaultValueProvider {
    private final Map<String, String> values;

    private Jugrc(Map<String, String> values) {
        this.values = values;
    }

    /** The defaults that apply in {@code workingDirectory} for a user whose home is {@code home}. */
    static Jugrc load(Path workingDirectory, Path home) {
        Map<String, String> values = new HashMap<>();
        for (Path file : files(workingDirectory, home)) {
            values.putAll(read(file)); // farthest first, so closer files overwrite
        }
        return new Jugrc(values);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String command = arg.command() == null ? "" : arg.command().name();
        String scoped = values.get(command + "." + name);
        return scoped != null ? scoped : values.get(name);
    }

    private static List<Path> files(Path workingDirectory, Path home) {
        List<Path> files = new ArrayList<>();
        for (Path global : List.of(home.resolve(".config/jug/jugrc"), home.resolve(".config/jugrc"),
                home.resolve(".jug/configrc"))) {
            if (Files.isRegularFile(global)) {
                files.add(global);
                break;
            }
        }
        List<Path> local = new ArrayList<>();
        Path dir = workingDirectory.toAbsolutePath().normalize();
        Path gitRoot = gitRoot(dir);
        for (Path d = dir; d != null; d = d.getParent()) {
            for (String name : List.of("jugrc", ".jugrc")) {
                if (Files.isRegularFile(d.resolve(name))) {
                    local.add(0, d.resolve(name));
                }
            }
            if (gitRoot == null || d.equals(gitRoot)) {
                break;
            }
        }
        files.addAll(local);
        return files;
    }

    private static Path gitRoot(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return null;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new HashMap<>();
        String section = "";
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration file " + file, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                section = name.equals("main") ? "" : name + ".";
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (cut <= 0) {
                throw new picocli.CommandLine.PicocliException(file + ":" + (n + 1) + ": expected 'key = value' or "
                        + "'[section]', found '" + line + "'");
            }
            values.put(section + line.substring(0, cut).strip(), line.substring(cut + 1).strip());
        }
        return values;
    }
}
