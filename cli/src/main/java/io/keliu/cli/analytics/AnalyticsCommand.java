package io.keliu.cli.analytics;

import picocli.CommandLine.Command;

/** {@code keliu analytics <command>}: batch analytics on files, JSON on stdout. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Batch analytics on files; JSON on stdout.",
        subcommands = {RfmCommand.class, ClvCommand.class, SegmentCommand.class, ChurnCommand.class,
                RulesCommand.class, ForecastCommand.class, PeaksCommand.class, AnomaliesCommand.class,
                FeedbackCommand.class})
public final class AnalyticsCommand {
}
