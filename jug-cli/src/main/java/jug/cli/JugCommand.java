package jug.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import jug.core.JugException;
import jug.core.JugfileException;
import jug.core.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code jug} command: a memoizing task runner for scientific pipelines. */
@Command(name = "jug", mixinStandardHelpOptions = true, versionProvider = JugCommand.Version.class,
        description = "Runs the tasks a Jugfile.java declares, once each, sharing the work between any number of "
                + "workers through a store (a directory, or Redis).")
public final class JugCommand implements Callable<Integer> {
    /** Every subcommand, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    @Spec
    CommandSpec spec;

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("execute", ExecuteCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("sleep-until", SleepUntilCommand::new);
        commands.put("show", ShowCommand::new);
        commands.put("count", CountCommand::new);
        commands.put("graph", GraphCommand::new);
        commands.put("invalidate", InvalidateCommand::new);
        commands.put("cleanup", CleanupCommand::new);
        commands.put("shell", ShellCommand::new);
        commands.put("help", HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one jug command line and returns its exit code, without exiting. */
    public static int run(String... args) {
        CommandLine cli;
        try {
            cli = commandLine(args);
        } catch (CommandLine.PicocliException | UncheckedIOException e) { // a broken jugrc
            System.err.println("jug: " + e.getMessage());
            return ExitStatus.BAD_INPUT.code();
        }
        return cli.execute(args);
    }

    /**
     * The command line for {@code args}. Picocli builds a model of every command it knows by reflection, which is a
     * large part of jug's start-up time, so when the first argument names a subcommand only that one is added; help,
     * typos and the bare {@code jug} get all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new JugCommand());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) { // every command takes -h/--help (and -V/--version), as jug itself does
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(JugCommand::handle);
        cli.setParameterExceptionHandler(JugCommand::usageError);
        cli.setDefaultValueProvider(Jugrc.load(Path.of(""), Path.of(System.getProperty("user.home"))));
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.BAD_INPUT.code();
    }

    /** A command line picocli cannot parse: the problem, a suggestion for a typo, and where to find the usage. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("jug: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Run `" + cli.getCommandSpec().qualifiedName() + " --help` for the usage.");
        }
        err.flush();
        return ExitStatus.BAD_INPUT.code();
    }

    /** Turns an exception into one clear line (a stack trace only with --debug) and an exit code. */
    private static int handle(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))
                || parsed.hasMatchedOption("--debug");
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        ExitStatus status;
        String message;
        if (cause instanceof JugfileException) {
            status = ExitStatus.BAD_INPUT;
            message = cause.getMessage();
        } else if (cause instanceof StoreException) {
            status = ExitStatus.STORE_UNAVAILABLE;
            message = cause.getMessage();
        } else if (cause instanceof IOException) {
            status = ExitStatus.STORE_UNAVAILABLE;
            message = "store error: " + cause;
        } else if (cause instanceof JugException) { // TaskFailedException among them
            status = ExitStatus.TASK_FAILED;
            message = cause.getMessage();
        } else if (cause instanceof CommandLine.ParameterException p) {
            status = ExitStatus.BAD_INPUT;
            message = p.getMessage();
        } else {
            status = ExitStatus.TASK_FAILED;
            message = "internal error: " + cause + (debug ? "" : " (run with --debug for the stack trace)");
        }
        err.println("jug: " + message);
        if (debug) {
            cause.printStackTrace(err);
        }
        err.flush();
        return status.code();
    }

    /** The version in the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = JugCommand.class.getPackage().getImplementationVersion();
            return new String[] {"jug " + (version == null ? "(development build)" : version)
                    + " on Java " + Runtime.version()};
        }
    }
}
