package io.keliu.cli.analytics;

import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.peaks.CapacityPlanner;
import io.keliu.analytics.forecast.peaks.PeakHours;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.forecast.series.HourlySeries;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics peaks}: typical peak hours by weekday and, given a capacity, forecast days at risk. */
@Command(name = "peaks", mixinStandardHelpOptions = true,
        description = {"Typical peak hours by weekday from an hourly series; JSON on stdout.",
                "With --capacity, also forecasts daily totals and lists the days that may exceed it."})
public final class PeaksCommand implements Callable<Integer> {

    @Option(names = "--series", required = true, paramLabel = "FILE", description = "Hourly series, CSV 'timestamp,value'.")
    Path series;

    @Option(names = "--peak-share", defaultValue = "0.9",
            description = "An hour is a peak hour when its typical traffic reaches this share of the busiest hour (default: ${DEFAULT-VALUE}).")
    double peakShare;

    @Option(names = "--capacity", paramLabel = "VISITORS", description = "Daily capacity to plan against.")
    Double capacity;

    @Option(names = "--horizon", defaultValue = "14", paramLabel = "N",
            description = "Days to forecast for --capacity (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Mixin
    ForecastInputs.ModelOptions modelOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (peakShare <= 0 || peakShare > 1) {
            throw new UserInputException("--peak-share must be in (0, 1], got " + peakShare);
        }
        if (capacity != null && capacity <= 0) {
            throw new UserInputException("--capacity must be positive, got " + capacity);
        }
        if (horizon <= 0) {
            throw new UserInputException("--horizon must be positive, got " + horizon);
        }
        HourlySeries hourly = ForecastInputs.hourlySeries(series, modelOptions.encoding.charset);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weekdays", PeakHours.byWeekday(hourly, peakShare).stream().map(PeaksCommand::profile).toList());
        if (capacity != null) {
            json.put("capacity", capacity);
            json.put("peakDays", peakDays(hourly.toDaily()));
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private static Map<String, Object> profile(PeakHours.WeekdayProfile profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weekday", profile.weekday().toString());
        json.put("peakHours", profile.peakHours());
        json.put("peakValue", ForecastJson.number(profile.peakValue()));
        json.put("typicalByHour", Arrays.stream(profile.typicalByHour()).mapToObj(ForecastJson::number).toList());
        return json;
    }

    private List<Map<String, Object>> peakDays(DailySeries daily) {
        Forecast forecast = ForecastInputs.userErrors(() ->
                modelOptions.forecaster(modelOptions.holidayCalendar()).forecast(daily, horizon));
        return CapacityPlanner.daysOverCapacity(forecast.points(), capacity).stream().map(day -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", day.date().toString());
            json.put("forecast", ForecastJson.number(day.forecast()));
            json.put("upper", ForecastJson.number(day.upper()));
            json.put("risk", day.risk().toString());
            json.put("loadFactor", ForecastJson.number(day.loadFactor()));
            return json;
        }).toList();
    }
}
