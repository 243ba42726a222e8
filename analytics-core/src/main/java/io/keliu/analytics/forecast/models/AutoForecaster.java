package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.io.DataFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses among candidate models by rolling-origin backtesting (lowest mean MASE), forecasts with the winner refitted
 * on the whole history, and sets prediction intervals from the winner's backtest errors by horizon.
 */
public final class AutoForecaster {
    public static final double DEFAULT_COVERAGE = 0.8;
    public static final int DEFAULT_ORIGINS = 8;
    /** Origins are spread so that together they span about three horizons of history, in whole weeks. */
    private static final int HORIZONS_SPANNED = 3;
    /** Fewer origins than this with all terms: the spread origins are used instead (too few to choose on). */
    private static final int MIN_ORIGINS_WITH_ALL_TERMS = 2;
    /**
     * Origins with all terms lie at least this far apart: a week apart, two origins of a 90-day back-test share 83 of
     * their days, cost a full fit of every candidate and add little to the choice.
     */
    private static final int MIN_CHOICE_STEP = 4 * SeasonalNaive.WEEK;

    private final List<ForecastModel> candidates;
    private final double coverage;
    private final int origins;
    private final boolean originsWithAllTerms;
    private final SeasonalNaive naive = new SeasonalNaive();

    public AutoForecaster(List<ForecastModel> candidates, double coverage, int origins) {
        this(candidates, coverage, origins, true);
    }

    private AutoForecaster(List<ForecastModel> candidates, double coverage, int origins, boolean originsWithAllTerms) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate models");
        }
        if (coverage <= 0 || coverage >= 1) {
            throw new IllegalArgumentException("interval coverage must be between 0 and 1, got " + coverage);
        }
        this.candidates = List.copyOf(candidates);
        this.coverage = coverage;
        this.origins = origins;
        this.originsWithAllTerms = originsWithAllTerms;
    }

    /**
     * The same choice with back-test origins spread over three horizons whatever history they leave (as before
     * the choice kept to origins where the candidates use all their terms): for studies comparing the two.
     */
    public AutoForecaster withOriginsOverAnyHistory() {
        return new AutoForecaster(candidates, coverage, origins, false);
    }

    /**
     * Seasonal naive, exponential smoothing, exponential smoothing on the series less its yearly cycle (from a year
     * and a half of history), the holiday-aware regression, and the mean of the non-naive ones.
     */
    public static AutoForecaster standard(HolidayCalendar calendar, Regressors regressors) {
        return new AutoForecaster(standardCandidates(calendar, regressors), DEFAULT_COVERAGE, DEFAULT_ORIGINS);
    }

    public static List<ForecastModel> standardCandidates(HolidayCalendar calendar, Regressors regressors) {
        return List.of(new SeasonalNaive(), ExponentialSmoothing.automatic(), new YearlySeasonalEts(),
                new RegressionModel(RegressionModel.Settings.defaults(calendar).withRegressors(regressors)));
    }

    public static AutoForecaster only(ForecastModel model) {
        return new AutoForecaster(List.of(model), DEFAULT_COVERAGE, DEFAULT_ORIGINS);
    }

    public Forecast forecast(DailySeries history, int horizon) {
        return forecast(history, horizon, new double[]{coverage}).getFirst();
    }

    /**
     * One backtest and model choice, then the forecast with intervals at each of {@code coverages} (e.g. 0.8 and
     * 0.95), in that order.
     */
    public List<Forecast> forecast(DailySeries history, int horizon, double[] coverages) {
        if (horizon <= 0) {
            throw new DataFormatException("horizon must be positive, got " + horizon);
        }
        int[] spread = Backtest.cutoffs(history.size(), horizon, origins, originStep(horizon));
        int[] cutoffs = choiceCutoffs(history, horizon, spread);
        if (cutoffs.length == 0) {
            throw new DataFormatException("a series of " + history.size() + " days is too short to backtest a "
                    + horizon + "-day forecast; need at least " + (Backtest.MIN_TRAINING_DAYS + horizon) + " days");
        }
        List<Backtest.Origin> naiveRun = Backtest.run(naive, history, horizon, cutoffs);
        List<CandidateScore> problems = new ArrayList<>();
        List<Backtested> backtested = backtestCandidates(history, horizon, cutoffs, naiveRun, problems);
        if (backtested.isEmpty()) {
            throw new DataFormatException("no model could be fitted: " + problems.stream()
                    .map(problem -> problem.model() + ": " + problem.problem()).toList());
        }
        Backtested best = backtested.stream().min(Comparator.comparingDouble(Backtested::mase)).orElseThrow();
        List<CandidateScore> scores = new ArrayList<>(problems);
        backtested.forEach(candidate -> scores.add(new CandidateScore(candidate.model().name(), candidate.mase(), null)));
        double[] values = best.model().forecast(history, horizon);
        List<Backtest.Origin> calibration = withSpreadOrigins(best, history, horizon, spread);
        List<Forecast> forecasts = new ArrayList<>();
        for (double level : coverages) {
            Accuracy accuracy = new Accuracy("rolling-origin", cutoffs.length, best.mase(),
                    Backtest.meanSmape(best.run()), Backtest.meanMase(naiveRun),
                    crossValidatedCoverage(calibration, horizon, level));
            forecasts.add(new Forecast(best.model().name(), best.model().describe(), level,
                    withIntervals(history, values, calibration, level), accuracy, scores));
        }
        return forecasts;
    }

    /** A candidate with its structure settled on the history, and its backtest at every origin. */
    private record Backtested(ForecastModel model, List<Backtest.Origin> run) {
        double mase() {
            return Backtest.meanMase(run);
        }
    }

    /**
     * Backtests every candidate that can be fitted (recording why the others cannot) and, when two or more models
     * besides the naive baseline fitted, their equal-weight combination, scored from their runs without refitting.
     */
    private List<Backtested> backtestCandidates(DailySeries history, int horizon, int[] cutoffs,
                                                List<Backtest.Origin> naiveRun, List<CandidateScore> problems) {
        List<Backtested> backtested = new ArrayList<>();
        for (ForecastModel candidate : candidates) {
            try {
                ForecastModel tuned = candidate.tunedOn(history);
                backtested.add(new Backtested(tuned, candidate instanceof SeasonalNaive
                        ? naiveRun : Backtest.run(tuned, history, horizon, cutoffs)));
            } catch (IllegalArgumentException unusable) {
                problems.add(new CandidateScore(candidate.name(), null, unusable.getMessage()));
            }
        }
        List<Backtested> combinable = backtested.stream()
                .filter(candidate -> !(candidate.model() instanceof SeasonalNaive)).toList();
        if (combinable.size() >= 2) {
            backtested.add(new Backtested(new CombinedModel(combinable.stream().map(Backtested::model).toList()),
                    CombinedModel.combineRuns(combinable.stream().map(Backtested::run).toList())));
        }
        return backtested;
    }

    /** Fits on all but the last {@code holdout} days, forecasts exactly those days and scores the forecast on them. */
    public Forecast forecastHoldout(DailySeries series, int holdout) {
        if (holdout <= 0 || holdout >= series.size()) {
            throw new DataFormatException("holdout must be between 1 and " + (series.size() - 1) + ", got " + holdout);
        }
        DailySeries training = series.head(series.size() - holdout);
        Forecast forecast = forecast(training, holdout);
        double[] actual = series.tail(holdout).values();
        double scale = Metrics.seasonalNaiveScale(training);
        Accuracy accuracy = new Accuracy("holdout", 1, Metrics.mase(actual, forecast.values(), scale),
                Metrics.smape(actual, forecast.values()), Metrics.mase(actual, naive.forecast(training, holdout), scale),
                Metrics.coverage(actual, forecast.lowers(), forecast.uppers()));
        return new Forecast(forecast.model(), forecast.variant(), coverage, forecast.points(), accuracy,
                forecast.candidates());
    }

    /**
     * The origins the candidates are compared on. The spread origins (every few weeks, spanning about three horizons)
     * unless the history is long enough for a candidate's every term (a yearly cycle) but some of them leave less:
     * then only origins that leave enough, closer together if need be (but four weeks apart at least, so fewer when
     * the room is short). An origin with less history scores the candidate without that term, another model than the
     * one that will forecast, and at a year-long horizon most spread origins would. The intervals are calibrated on the winner's errors at both sets of origins: origins
     * close together share most of their forecast days, and their errors alone make the intervals too narrow.
     */
    private int[] choiceCutoffs(DailySeries history, int horizon, int[] spread) {
        int allTerms = candidates.stream().mapToInt(ForecastModel::daysForAllTerms)
                .filter(days -> days <= history.observedCount()).max().orElse(0);
        if (!originsWithAllTerms || spread.length == 0 || spread[spread.length - 1] >= allTerms) {
            return spread;
        }
        int room = history.size() - horizon - allTerms;
        int weeks = Math.max(1, room / Math.max(1, origins - 1) / SeasonalNaive.WEEK);
        int step = Math.min(originStep(horizon), Math.max(MIN_CHOICE_STEP, weeks * SeasonalNaive.WEEK));
        int[] withAllTerms = Arrays.stream(Backtest.cutoffs(history.size(), horizon, origins, step))
                .filter(cutoff -> cutoff >= allTerms).toArray();
        return withAllTerms.length >= MIN_ORIGINS_WITH_ALL_TERMS ? withAllTerms : spread;
    }

    /** The winner's back-test at its choice origins and at the spread origins it was not compared on. */
    private static List<Backtest.Origin> withSpreadOrigins(Backtested best, DailySeries history, int horizon,
                                                           int[] spread) {
        int[] more = Arrays.stream(spread)
                .filter(cutoff -> best.run().stream().noneMatch(origin -> origin.cutoff() == cutoff)).toArray();
        if (more.length == 0) {
            return best.run();
        }
        List<Backtest.Origin> run = new ArrayList<>(best.run());
        run.addAll(Backtest.run(best.model(), history, horizon, more));
        return run;
    }

    private static int originStep(int horizon) {
        int weeks = (int) Math.ceil((double) horizon / (SeasonalNaive.WEEK * HORIZONS_SPANNED));
        return SeasonalNaive.WEEK * Math.max(1, weeks);
    }

    private List<ForecastPoint> withIntervals(DailySeries history, double[] values, List<Backtest.Origin> run,
                                              double level) {
        EmpiricalIntervals intervals = EmpiricalIntervals.calibrate(run, values.length, level);
        double floor = history.isNonNegative() ? 0 : Double.NEGATIVE_INFINITY;
        List<ForecastPoint> points = new ArrayList<>();
        for (int h = 0; h < values.length; h++) {
            double value = Math.max(floor, values[h]);
            points.add(new ForecastPoint(history.dateAt(history.size() + h), value,
                    Math.max(floor, intervals.lower(h, values[h])), Math.max(floor, intervals.upper(h, values[h]))));
        }
        return points;
    }

    /**
     * Coverage of each origin's actuals by intervals calibrated on the other origins only, so the reported coverage
     * is out of sample rather than the calibration target restated. NaN with a single origin.
     */
    private double crossValidatedCoverage(List<Backtest.Origin> run, int horizon, double level) {
        if (run.size() < 2) {
            return Double.NaN;
        }
        int inside = 0;
        int observed = 0;
        for (Backtest.Origin heldOut : run) {
            List<Backtest.Origin> others = run.stream().filter(origin -> origin != heldOut).toList();
            EmpiricalIntervals intervals = EmpiricalIntervals.calibrate(others, horizon, level);
            for (int h = 0; h < horizon; h++) {
                double actual = heldOut.actual()[h];
                if (!Double.isNaN(actual)) {
                    observed++;
                    double point = heldOut.forecast()[h];
                    if (actual >= intervals.lower(h, point) && actual <= intervals.upper(h, point)) {
                        inside++;
                    }
                }
            }
        }
        return observed > 0 ? (double) inside / observed : Double.NaN;
    }
}
