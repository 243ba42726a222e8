package io.keliu.analytics.churn;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the columns of a customer table into numbers, learning how from the training rows: a column whose non-blank
 * cells all parse as numbers is numeric, any other is categorical and one-hot encoded (a level unseen in training
 * encodes as all zeros). Blank cells never fail: a numeric blank takes the training median, and a column that had
 * blanks in training gets an indicator feature "column is missing", so that missingness itself can predict.
 */
public final class FeatureEncoder {

    private final List<Column> columns;
    private final List<String> featureNames = new ArrayList<>();
    private final List<String> sourceColumns = new ArrayList<>();

    private FeatureEncoder(List<Column> columns) {
        this.columns = columns;
        for (Column column : columns) {
            for (String feature : column.featureNames()) {
                featureNames.add(feature);
                sourceColumns.add(column.name());
            }
        }
    }

    /** Learns the encoding of {@code columnNames} from the given rows of the table. */
    public static FeatureEncoder learn(CsvTable table, List<String> columnNames, int[] rows) {
        List<Column> columns = new ArrayList<>();
        for (String name : columnNames) {
            columns.add(Column.learn(table, table.column(name), rows));
        }
        return new FeatureEncoder(columns);
    }

    public List<String> featureNames() {
        return List.copyOf(featureNames);
    }

    /** The input column an encoded feature came from, e.g. "Contract" for "Contract=Two year". */
    public String sourceColumn(int feature) {
        return sourceColumns.get(feature);
    }

    /** Encodes the given rows of a table that has (at least) the training columns. */
    public double[][] encode(CsvTable table, int[] rows) {
        int[] indexes = columns.stream().mapToInt(column -> table.column(column.name())).toArray();
        double[][] encoded = new double[rows.length][featureNames.size()];
        for (int r = 0; r < rows.length; r++) {
            int offset = 0;
            for (int c = 0; c < columns.size(); c++) {
                offset = columns.get(c).encode(table, rows[r], indexes[c], encoded[r], offset);
            }
        }
        return encoded;
    }

    /** How one input column becomes features. */
    private record Column(String name, List<String> levels, double median, boolean hadBlanks) {

        static Column learn(CsvTable table, int index, int[] rows) {
            String name = table.header().get(index);
            List<Double> numbers = new ArrayList<>();
            Set<String> levels = new TreeSet<>();
            boolean numeric = true;
            boolean blanks = false;
            for (int row : rows) {
                String cell = table.text(row, index);
                if (cell.isEmpty()) {
                    blanks = true;
                    continue;
                }
                levels.add(cell);
                Double number = parse(cell);
                numeric &= number != null;
                if (number != null) {
                    numbers.add(number);
                }
            }
            if (numeric) {
                return new Column(name, null, median(numbers), blanks);
            }
            return new Column(name, List.copyOf(levels), 0, blanks);
        }

        boolean isNumeric() {
            return levels == null;
        }

        List<String> featureNames() {
            List<String> names = new ArrayList<>();
            if (isNumeric()) {
                names.add(name);
            } else {
                levels.forEach(level -> names.add(name + "=" + level));
            }
            if (hadBlanks) {
                names.add(name + " is missing");
            }
            return names;
        }

        /** Writes this column's features of one row at {@code offset}; returns the offset after them. */
        int encode(CsvTable table, int row, int index, double[] features, int offset) {
            String cell = table.text(row, index);
            if (isNumeric()) {
                features[offset++] = cell.isEmpty() ? median : number(table, row, index, cell);
            } else {
                int level = levels.indexOf(cell);
                if (level >= 0) {
                    features[offset + level] = 1;
                }
                offset += levels.size();
            }
            if (hadBlanks) {
                features[offset++] = cell.isEmpty() ? 1 : 0;
            }
            return offset;
        }

        private static double number(CsvTable table, int row, int index, String cell) {
            Double number = parse(cell);
            if (number == null) {
                throw new DataFormatException(table.where(row, index) + ": not a number: '" + cell
                        + "' (the column was numeric in training)");
            }
            return number;
        }

        private static Double parse(String cell) {
            try {
                double value = Double.parseDouble(cell);
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static double median(List<Double> numbers) {
            if (numbers.isEmpty()) {
                return 0;
            }
            double[] sorted = numbers.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
