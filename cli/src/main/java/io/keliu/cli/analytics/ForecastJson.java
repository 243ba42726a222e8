package io.keliu.cli.analytics;

import io.keliu.analytics.forecast.models.Accuracy;
import io.keliu.analytics.forecast.models.CandidateScore;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.models.ForecastPoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of forecasts: numbers rounded for reading, undefined numbers (NaN) as null so the JSON stays valid. */
final class ForecastJson {
    private ForecastJson() {
    }

    static Map<String, Object> forecast(Forecast forecast) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", forecast.model());
        json.put("variant", forecast.variant());
        json.put("intervalCoverage", forecast.intervalCoverage());
        json.put("forecast", points(forecast.points()));
        json.put("backtest", accuracy(forecast.accuracy()));
        json.put("candidates", forecast.candidates().stream().map(ForecastJson::candidate).toList());
        return json;
    }

    private static Map<String, Object> candidate(CandidateScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", score.model());
        json.put("backtestMase", score.mase() == null ? null : number(score.mase()));
        if (score.problem() != null) {
            json.put("problem", score.problem());
        }
        return json;
    }

    static List<Map<String, Object>> points(List<ForecastPoint> points) {
        return points.stream().map(point -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("date", point.date().toString());
            json.put("value", number(point.value()));
            json.put("lower", number(point.lower()));
            json.put("upper", number(point.upper()));
            return json;
        }).toList();
    }

    static Map<String, Object> accuracy(Accuracy accuracy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("basis", accuracy.basis());
        json.put("origins", accuracy.origins());
        json.put("mase", number(accuracy.mase()));
        json.put("smape", number(accuracy.smape()));
        json.put("naiveMase", number(accuracy.naiveMase()));
        json.put("coverage", number(accuracy.coverage()));
        return json;
    }

    /** Three decimals: forecasts of visitor counts carry no more precision than that. */
    static Double number(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
    }
}
