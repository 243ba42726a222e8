package io.keliu.analytics.churn;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;

import java.util.Locale;
import java.util.Set;

/** Reads a churn label: 1/0, yes/no, true/false, churned, 是/否. Blank means unknown. */
final class ChurnLabels {

    static final int UNKNOWN = -1;

    private static final Set<String> CHURNED = Set.of("1", "yes", "y", "true", "churn", "churned", "是");
    private static final Set<String> STAYED = Set.of("0", "no", "n", "false", "stayed", "retained", "active", "否");

    private ChurnLabels() {
    }

    /** 1 for churned, 0 for stayed, {@link #UNKNOWN} for a blank cell. */
    static int parse(CsvTable table, int row, int column) {
        String cell = table.text(row, column).toLowerCase(Locale.ROOT);
        if (cell.isEmpty()) {
            return UNKNOWN;
        }
        if (CHURNED.contains(cell)) {
            return 1;
        }
        if (STAYED.contains(cell)) {
            return 0;
        }
        throw new DataFormatException(table.where(row, column) + ": not a churn label: '" + table.text(row, column)
                + "' (use 1/0, yes/no or true/false)");
    }
}
