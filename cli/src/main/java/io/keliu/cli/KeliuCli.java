package io.keliu.cli;

import io.keliu.cli.analytics.AnalyticsCommand;
import io.keliu.cli.export.ExportCommand;
import io.keliu.cli.imports.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Java side of {@code bin/keliu}: every command prints JSON on stdout and explains failures on stderr. */
@Command(name = "keliu", mixinStandardHelpOptions = true, version = "keliu 0.1.0",
        description = "Keliu customer-traffic analytics.",
        subcommands = {ImportCommand.class, ExportCommand.class, AnalyticsCommand.class})
public final class KeliuCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its failure reporting, for in-process use (tests set their own out and err). */
    public static CommandLine commandLine() {
        return new CommandLine(new KeliuCli()).setExecutionExceptionHandler(KeliuCli::reportFailure);
    }

    /** A failure the user can fix gets one clear line, not a stack trace; anything else keeps its trace. */
    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        if (failure instanceof UserInputException) {
            command.getErr().println("error: " + failure.getMessage());
            return UserInputException.EXIT_CODE;
        }
        failure.printStackTrace(command.getErr());
        return 1;
    }
}
