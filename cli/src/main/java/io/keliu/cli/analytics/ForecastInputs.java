package io.keliu.cli.analytics;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.ExponentialSmoothing;
import io.keliu.analytics.forecast.models.ForecastModel;
import io.keliu.analytics.forecast.models.RegressionModel;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.models.SeasonalNaive;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.forecast.series.FillPolicy;
import io.keliu.analytics.forecast.series.HourlySeries;
import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.io.TextLines;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** Options and file reading shared by the forecasting commands; every input problem becomes a UserInputException. */
final class ForecastInputs {

    enum Calendar { cn, none }

    enum Model { auto, naive, ets, regression }

    enum Fill {
        missing(FillPolicy.LEAVE_MISSING), zero(FillPolicy.ZERO), linear(FillPolicy.LINEAR);

        final FillPolicy policy;

        Fill(FillPolicy policy) {
            this.policy = policy;
        }
    }

    /** The model options of {@code forecast}, {@code anomalies} and {@code peaks --capacity}. */
    static final class ModelOptions {
        @Option(names = "--model", defaultValue = "auto",
                description = "auto (chosen by rolling-origin backtest), naive, ets or regression (default: ${DEFAULT-VALUE}).")
        Model model;

        @Option(names = "--calendar", defaultValue = "cn",
                description = "Built-in holiday calendar: cn (Mainland China 2015-2026, with make-up working days) or none (default: ${DEFAULT-VALUE}).")
        Calendar calendar;

        @Option(names = "--holidays", paramLabel = "FILE",
                description = "Extra holidays or promotions, CSV 'date,name' (e.g. 618, Double 11, another market's holidays).")
        Path holidays;

        @Option(names = "--regressors", paramLabel = "FILE",
                description = "External daily regressors such as weather, CSV 'date,col1,col2,...'; must cover the forecast dates.")
        Path regressors;

        @Mixin
        CharsetOption encoding;

        @Option(names = "--coverage", defaultValue = "0.8",
                description = "Nominal coverage of the prediction intervals (default: ${DEFAULT-VALUE}).")
        double coverage;

        HolidayCalendar holidayCalendar() {
            HolidayCalendar builtIn = calendar == Calendar.cn ? HolidayCalendar.chinaMainland() : HolidayCalendar.empty();
            return holidays == null ? builtIn
                    : builtIn.merge(read(holidays, encoding.charset,
                            reader -> HolidayCalendar.fromDateNameCsv(reader, holidays.toString())));
        }

        AutoForecaster forecaster(HolidayCalendar holidayCalendar) {
            if (coverage <= 0 || coverage >= 1) {
                throw new UserInputException("--coverage must be between 0 and 1, got " + coverage);
            }
            Regressors external = regressors == null ? Regressors.none()
                    : read(regressors, encoding.charset, reader -> Regressors.fromCsv(reader, regressors.toString()));
            var candidates = switch (model) {
                case auto -> AutoForecaster.standardCandidates(holidayCalendar, external);
                case naive -> List.<ForecastModel>of(new SeasonalNaive());
                case ets -> List.<ForecastModel>of(ExponentialSmoothing.automatic());
                case regression -> List.<ForecastModel>of(
                        new RegressionModel(RegressionModel.Settings.defaults(holidayCalendar).withRegressors(external)));
            };
            return new AutoForecaster(candidates, coverage, AutoForecaster.DEFAULT_ORIGINS);
        }
    }

    private ForecastInputs() {
    }

    /** A CSV {@code date,value}; dates absent from the file are missing days, filled only as the policy says. */
    static DailySeries dailySeries(Path file, Charset charset, FillPolicy fill) {
        return read(file, charset, reader -> {
            CsvTable table = seriesTable(reader, file);
            int date = table.column("date");
            int value = table.column("value");
            Map<LocalDate, Double> values = new TreeMap<>();
            for (int row = 0; row < table.size(); row++) {
                if (values.put(table.date(row, date), table.numberOrMissing(row, value)) != null) {
                    throw table.error(row, date, "duplicate date " + table.date(row, date));
                }
            }
            return DailySeries.of(values).fill(fill);
        });
    }

    /** A CSV {@code timestamp,value}; values within the same clock hour are added up. */
    static HourlySeries hourlySeries(Path file, Charset charset) {
        return read(file, charset, reader -> {
            CsvTable table = seriesTable(reader, file);
            int timestamp = table.column("timestamp");
            int value = table.column("value");
            Map<LocalDateTime, Double> values = new TreeMap<>();
            for (int row = 0; row < table.size(); row++) {
                values.merge(table.timestamp(row, timestamp), table.numberOrMissing(row, value), Double::sum);
            }
            return HourlySeries.of(values);
        });
    }

    /** Series files are often written by hand, so '#' comment lines are allowed. */
    private static CsvTable seriesTable(Reader reader, Path file) {
        return CsvTable.parse(reader, file.toString(), CsvTable.Comments.HASH_LINES).requireRows();
    }

    static <T> T read(Path file, Charset charset, Function<Reader, T> parser) {
        try (Reader reader = TextLines.reader(Inputs.existing(file), charset)) {
            return userErrors(() -> parser.apply(reader));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (DataFormatException | UncheckedIOException e) {
            throw new UserInputException(e.getMessage(), e); // CsvTable's message names the file already
        }
    }

    /** Model-side input problems (series too short, regressors missing for forecast days) as user errors. */
    static <T> T userErrors(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (DataFormatException invalid) {
            throw new UserInputException(invalid.getMessage(), invalid);
        }
    }
}
