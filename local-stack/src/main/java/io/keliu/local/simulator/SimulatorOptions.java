package io.keliu.local.simulator;

import picocli.CommandLine.Option;

/** The simulator's options, shared by {@code keliu up} and {@code simulate}. */
public final class SimulatorOptions {

    @Option(names = "--rate", defaultValue = "" + SimulatorSettings.DEFAULT_RATE,
            description = "Simulated records per second, averaged over a week (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", description = "Seed for reproducible traffic (default: a new one each run).")
    Long seed;

    @Option(names = "--history-days", defaultValue = "" + SimulatorSettings.DEFAULT_HISTORY_DAYS,
            description = "Days of past traffic to send when the raw topics are empty (default ${DEFAULT-VALUE}).")
    int historyDays;

    public SimulatorSettings settings() {
        return new SimulatorSettings(rate, seed != null ? seed : System.nanoTime(), historyDays);
    }
}
