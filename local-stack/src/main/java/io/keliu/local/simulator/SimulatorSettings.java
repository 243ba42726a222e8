package io.keliu.local.simulator;

/**
 * @param recordsPerSecond average over a week; the rhythm makes it lower at night and higher in the evening
 * @param seed             the same seed gives the same records for the same event times
 * @param historyDays      days of past traffic to send first when the raw orders topic is still empty, so that a
 *                         fresh platform has a week to show; 0 for none
 */
public record SimulatorSettings(double recordsPerSecond, long seed, int historyDays) {
    public static final double DEFAULT_RATE = 3.0;
    public static final int DEFAULT_HISTORY_DAYS = 7;
}
