package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.holidays.HolidayDay;
import io.keliu.analytics.forecast.series.DailySeries;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Additive regression in the spirit of Prophet: piecewise-linear trend, Fourier terms for the week (conditional on
 * whether the day is worked) and the year, one effect per holiday position (each lead-in day, day of the break and after-effect day), make-up working days, and
 * external regressors, fitted by ridge-regularised least squares. Counts are fitted on {@code log1p} so effects are
 * relative (a holiday lifts traffic by a percentage, not a fixed number of visitors).
 */
public final class RegressionModel implements ForecastModel {
    private static final double WEEK = 7;
    private static final double YEAR = 365.25;
    /** Changepoints stay out of the last fifth so the extrapolated slope rests on enough recent data. */
    private static final double CHANGEPOINT_RANGE = 0.8;
    private static final int DAYS_PER_CHANGEPOINT = 60;
    private static final int MAX_CHANGEPOINTS = 10;
    /** Days off are mostly weekends: one Fourier pair (Saturday against Sunday) is all they can support. */
    private static final int DAY_OFF_WEEKLY_HARMONICS = 1;

    /**
     * @param yearlyHarmonics   Fourier pairs for the yearly cycle, used only with at least {@code minDaysForYearly}
     *                          days (default a year and a half): from a single year the yearly cycle cannot be
     *                          told apart from trend and one-off events, and extrapolating it does more harm than
     *                          leaving it out
     * @param trendFlexibility  prior scale of slope changes relative to the series spread: small keeps trends straight
     * @param log1pForCounts    fit on {@code log1p} when the series has no negative values
     */
    public record Settings(HolidayCalendar calendar, Regressors regressors, int weeklyHarmonics, int yearlyHarmonics,
                           int minDaysForYearly, double trendFlexibility, boolean log1pForCounts) {

        public static Settings defaults(HolidayCalendar calendar) {
            return new Settings(calendar, Regressors.none(), 3, 6, 548, 0.1, true);
        }

        public Settings withRegressors(Regressors newRegressors) {
            return new Settings(calendar, newRegressors, weeklyHarmonics, yearlyHarmonics, minDaysForYearly,
                    trendFlexibility, log1pForCounts);
        }

        public Settings withLog1pForCounts(boolean log1p) {
            return new Settings(calendar, regressors, weeklyHarmonics, yearlyHarmonics, minDaysForYearly,
                    trendFlexibility, log1p);
        }
    }

    private final Settings settings;

    public RegressionModel(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "regression";
    }

    @Override
    public int daysForAllTerms() {
        return settings.yearlyHarmonics() > 0 ? settings.minDaysForYearly() : 0;
    }

    @Override
    public double[] forecast(DailySeries history, int horizon) {
        Fit fit = fit(history);
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            int t = history.size() + h;
            LocalDate date = history.dateAt(t);
            forecast[h] = fit.predict(fit.design.row(date, t, settings.regressors().requireValuesOn(date)));
        }
        return forecast;
    }

    private Fit fit(DailySeries history) {
        boolean log = settings.log1pForCounts() && history.isNonNegative();
        Design design = new Design(history, settings);
        RidgeSolver solver = new RidgeSolver(design.columns);
        for (int t = 0; t < history.size(); t++) {
            LocalDate date = history.dateAt(t);
            double[] external = settings.regressors().valuesOn(date);
            if (!history.isMissing(t) && external != null) {
                solver.add(design.row(date, t, external), log ? Math.log1p(history.value(t)) : history.value(t));
            }
        }
        int needed = design.columns / 2 + SeasonalNaive.WEEK;
        if (solver.rows() < needed) {
            throw new IllegalArgumentException("regression needs at least " + needed + " observed days, got "
                    + solver.rows());
        }
        return new Fit(design, solvePenalised(solver, design), log);
    }

    /**
     * Two solves on the same normal equations: a nearly unpenalised one estimates the noise variance, which then
     * scales the ridge penalty so shrinkage means the same on a series of 10 visitors a day and of 10,000.
     */
    private static double[] solvePenalised(RidgeSolver solver, Design design) {
        double[] rough = solver.solve(design.penalties(1e-6));
        double noiseVariance = solver.residualSumOfSquares(rough) / Math.max(1, solver.rows() - design.columns);
        return solver.solve(design.penalties(noiseVariance / solver.targetVariance()));
    }

    private record Fit(Design design, double[] coefficients, boolean log) {
        double predict(double[] row) {
            double value = 0;
            for (int i = 0; i < row.length; i++) {
                value += coefficients[i] * row[i];
            }
            return log ? Math.max(0, Math.expm1(value)) : value;
        }
    }

    /** The columns of the design matrix for one history: which holiday positions and changepoints it contains. */
    private static final class Design {
        private final Settings settings;
        private final int length;
        private final int[] changepoints;
        private final int yearlyHarmonics;
        private final Map<HolidayDay, Integer> holidayColumns = new LinkedHashMap<>();
        private final Map<String, Integer> breakColumns = new LinkedHashMap<>();
        private final int makeupColumn;
        private final int dayOffColumn;
        private final double[] regressorMeans;
        private final double[] regressorScales;
        private final int firstHinge = 2;
        private final int firstSeasonal;
        private final int firstRegressor;
        private final int columns;

        Design(DailySeries history, Settings settings) {
            this.settings = settings;
            this.length = history.size();
            int changepointCount = Math.min(MAX_CHANGEPOINTS, length / DAYS_PER_CHANGEPOINT);
            this.changepoints = new int[changepointCount];
            for (int j = 0; j < changepointCount; j++) {
                changepoints[j] = (int) (CHANGEPOINT_RANGE * length * (j + 1) / (changepointCount + 1));
            }
            this.yearlyHarmonics = length >= settings.minDaysForYearly() ? settings.yearlyHarmonics() : 0;
            this.firstSeasonal = firstHinge + changepointCount;
            int next = firstSeasonal + 2 * (settings.weeklyHarmonics() + DAY_OFF_WEEKLY_HARMONICS + yearlyHarmonics);
            boolean anyMakeupDay = false;
            for (int t = 0; t < length; t++) {
                if (history.isMissing(t)) {
                    continue;
                }
                for (HolidayDay position : settings.calendar().positionsOn(history.dateAt(t))) {
                    if (!holidayColumns.containsKey(position)) {
                        holidayColumns.put(position, next++);
                    }
                    if (position.phase() == HolidayDay.Phase.DAY && !breakColumns.containsKey(position.holiday())) {
                        breakColumns.put(position.holiday(), next++);
                    }
                }
                anyMakeupDay |= settings.calendar().isMakeupWorkday(history.dateAt(t));
            }
            this.makeupColumn = anyMakeupDay ? next++ : -1;
            this.dayOffColumn = next++;
            this.firstRegressor = next;
            this.columns = next + settings.regressors().count();
            this.regressorMeans = new double[settings.regressors().count()];
            this.regressorScales = new double[settings.regressors().count()];
            standardiseRegressors(history);
        }

        /** Regressors are centred and scaled on the history so one penalty fits temperatures and millimetres. */
        private void standardiseRegressors(DailySeries history) {
            int count = settings.regressors().count();
            double[] sums = new double[count];
            double[] squares = new double[count];
            int rows = 0;
            for (int t = 0; t < length; t++) {
                double[] values = settings.regressors().valuesOn(history.dateAt(t));
                if (values == null) {
                    continue;
                }
                rows++;
                for (int j = 0; j < count; j++) {
                    sums[j] += values[j];
                    squares[j] += values[j] * values[j];
                }
            }
            for (int j = 0; j < count; j++) {
                regressorMeans[j] = rows > 0 ? sums[j] / rows : 0;
                double variance = rows > 0 ? squares[j] / rows - regressorMeans[j] * regressorMeans[j] : 0;
                regressorScales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
            }
        }

        double[] row(LocalDate date, int t, double[] external) {
            double[] x = new double[columns];
            double time = (double) t / length;
            x[0] = 1;
            x[1] = time;
            for (int j = 0; j < changepoints.length; j++) {
                x[firstHinge + j] = Math.max(0, time - (double) changepoints[j] / length);
            }
            boolean dayOff = settings.calendar().isDayOff(date);
            int column = firstSeasonal;
            column = addFourier(x, column, date.toEpochDay(), WEEK, settings.weeklyHarmonics(), dayOff ? 0 : 1);
            column = addFourier(x, column, date.toEpochDay(), WEEK, DAY_OFF_WEEKLY_HARMONICS, dayOff ? 1 : 0);
            addFourier(x, column, date.toEpochDay(), YEAR, yearlyHarmonics, 1);
            addCalendar(x, date);
            for (int j = 0; j < settings.regressors().count(); j++) {
                x[firstRegressor + j] = (external[j] - regressorMeans[j]) / regressorScales[j];
            }
            return x;
        }

        /**
         * Holiday positions, plus one column per holiday for any day of its break so that a day the history never
         * saw (day 8 of a break that used to last 7) still gets the holiday's common effect; and whether the day is
         * worked at all. Whether a day is worked drives traffic more than its weekday once breaks and make-up days
         * move weekends around, so the weekly profile is conditional: one for working days, one for days off, and a
         * Friday inside Golden Week is treated as a day off, not as a Friday.
         */
        private void addCalendar(double[] x, LocalDate date) {
            for (HolidayDay position : settings.calendar().positionsOn(date)) {
                setIfPresent(x, holidayColumns.get(position));
                if (position.phase() == HolidayDay.Phase.DAY) {
                    setIfPresent(x, breakColumns.get(position.holiday()));
                }
            }
            if (makeupColumn >= 0 && settings.calendar().isMakeupWorkday(date)) {
                x[makeupColumn] = 1;
            }
            if (settings.calendar().isDayOff(date)) {
                x[dayOffColumn] = 1;
            }
        }

        private static void setIfPresent(double[] x, Integer column) {
            if (column != null) {
                x[column] = 1;
            }
        }

        /** Fourier pairs for a cycle; {@code weight} 0 switches them off for days they do not describe. */
        private static int addFourier(double[] x, int column, long epochDay, double period, int harmonics,
                                      double weight) {
            for (int k = 1; k <= harmonics; k++) {
                double angle = 2 * Math.PI * k * epochDay / period;
                x[column++] = weight * Math.sin(angle);
                x[column++] = weight * Math.cos(angle);
            }
            return column;
        }

        /**
         * Ridge penalties relative to the target variance: intercept and base slope free, slope changes held to
         * the trend flexibility, every other effect given a prior about as wide as the series' own spread.
         */
        double[] penalties(double relativeNoise) {
            double[] penalty = new double[columns];
            for (int i = firstHinge; i < columns; i++) {
                boolean hinge = i < firstSeasonal;
                double priorScale = hinge ? settings.trendFlexibility() : 1;
                penalty[i] = relativeNoise / (priorScale * priorScale);
            }
            return penalty;
        }
    }
}
