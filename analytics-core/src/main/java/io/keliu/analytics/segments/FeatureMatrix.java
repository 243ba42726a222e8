package io.keliu.analytics.segments;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;

import java.util.Arrays;
import java.util.List;

/**
 * Numeric features of the rows to segment.
 *
 * @param names  feature names
 * @param values one row per customer, one column per feature
 */
public record FeatureMatrix(List<String> names, double[][] values) {

    public FeatureMatrix {
        if (values.length == 0) {
            throw new DataFormatException("no rows to segment");
        }
        for (double[] row : values) {
            if (row.length != names.size()) {
                throw new IllegalArgumentException("every row needs one value per feature");
            }
        }
    }

    /** The named columns of a CSV table; every cell must be a number (the error names line and column). */
    public static FeatureMatrix of(CsvTable table, List<String> columns) {
        if (columns.isEmpty()) {
            throw new DataFormatException("no feature columns given");
        }
        int[] indexes = columns.stream().mapToInt(table::column).toArray();
        if (table.size() == 0) {
            throw new DataFormatException(table.source() + ": no data rows");
        }
        double[][] values = new double[table.size()][indexes.length];
        for (int row = 0; row < values.length; row++) {
            for (int j = 0; j < indexes.length; j++) {
                values[row][j] = table.number(row, indexes[j]);
            }
        }
        return new FeatureMatrix(Arrays.stream(indexes).mapToObj(table.header()::get).toList(), values);
    }

    public int rows() {
        return values.length;
    }

    public int features() {
        return names.size();
    }

    public double[] means() {
        double[] means = new double[features()];
        for (double[] row : values) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j] / values.length;
            }
        }
        return means;
    }

    /** Sample standard deviations; a constant feature gets 1 so that scaling leaves it at zero instead of NaN. */
    public double[] standardDeviations() {
        double[] means = means();
        double[] sums = new double[features()];
        for (double[] row : values) {
            for (int j = 0; j < sums.length; j++) {
                sums[j] += (row[j] - means[j]) * (row[j] - means[j]);
            }
        }
        double[] sd = new double[features()];
        for (int j = 0; j < sd.length; j++) {
            double value = Math.sqrt(sums[j] / Math.max(1, values.length - 1));
            sd[j] = value > 0 ? value : 1;
        }
        return sd;
    }

    /** z-scores: every feature gets mean 0 and standard deviation 1, so no unit dominates the distances. */
    public double[][] standardized() {
        double[] means = means();
        double[] sd = standardDeviations();
        double[][] scaled = new double[values.length][features()];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < sd.length; j++) {
                scaled[i][j] = (values[i][j] - means[j]) / sd[j];
            }
        }
        return scaled;
    }
}
