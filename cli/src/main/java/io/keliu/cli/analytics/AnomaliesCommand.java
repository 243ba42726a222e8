package io.keliu.cli.analytics;

import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.peaks.AnomalyDetector;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.forecast.series.FillPolicy;
import io.keliu.analytics.forecast.series.OutlierDetector;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics anomalies}: unusual days, against a forecast's intervals or the series' own pattern. */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = {"Flag unusual days in a daily series; JSON on stdout.",
                "With --holdout N: forecast the last N days from the rest and flag actuals outside the prediction "
                        + "interval (severity = interval half-widths outside). Without: flag days far from the same "
                        + "weekday's median in nearby weeks (severity = robust z-score)."})
public final class AnomaliesCommand implements Callable<Integer> {

    @Option(names = "--series", required = true, paramLabel = "FILE", description = "Daily series, CSV 'date,value'.")
    Path series;

    @Option(names = "--holdout", paramLabel = "N", description = "Check the last N days against a forecast from the rest.")
    Integer holdout;

    @Mixin
    ForecastInputs.ModelOptions modelOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (holdout != null && holdout <= 0) {
            throw new UserInputException("--holdout must be positive, got " + holdout);
        }
        DailySeries daily = ForecastInputs.dailySeries(series, modelOptions.encoding.charset, FillPolicy.LEAVE_MISSING);
        Map<String, Object> json = holdout == null ? againstOwnPattern(daily) : againstForecast(daily);
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private static Map<String, Object> againstOwnPattern(DailySeries daily) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "robust z-score against the same weekday's median in the surrounding weeks");
        json.put("anomalies", OutlierDetector.standard().detect(daily).stream().map(outlier -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", outlier.date().toString());
            day.put("actual", ForecastJson.number(outlier.value()));
            day.put("expected", ForecastJson.number(outlier.expected()));
            day.put("direction", outlier.robustZ() > 0 ? "ABOVE" : "BELOW");
            day.put("severity", ForecastJson.number(Math.abs(outlier.robustZ())));
            return day;
        }).toList());
        return json;
    }

    private Map<String, Object> againstForecast(DailySeries daily) {
        Forecast forecast = ForecastInputs.userErrors(() ->
                modelOptions.forecaster(modelOptions.holidayCalendar()).forecastHoldout(daily, holdout));
        List<AnomalyDetector.Anomaly> anomalies = AnomalyDetector.outsideIntervals(forecast.points(), daily);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "actual outside the " + Math.round(100 * forecast.intervalCoverage())
                + "% prediction interval; severity in interval half-widths");
        json.put("model", forecast.model());
        json.put("backtest", ForecastJson.accuracy(forecast.accuracy()));
        json.put("anomalies", anomalies.stream().map(anomaly -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", anomaly.date().toString());
            day.put("actual", ForecastJson.number(anomaly.actual()));
            day.put("expected", ForecastJson.number(anomaly.expected()));
            day.put("lower", ForecastJson.number(anomaly.lower()));
            day.put("upper", ForecastJson.number(anomaly.upper()));
            day.put("direction", anomaly.direction().toString());
            day.put("severity", ForecastJson.number(anomaly.severity()));
            return day;
        }).toList());
        return json;
    }
}
