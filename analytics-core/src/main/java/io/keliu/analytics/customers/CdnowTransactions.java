package io.keliu.analytics.customers;

import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.io.TextLines;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CDNOW sample of Fader, Hardie &amp; Lee: whitespace-separated customer id, an unused id, the date
 * {@code YYYYMMDD}, the number of CDs and the dollar amount. Each line is one purchase.
 */
public final class CdnowTransactions {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private CdnowTransactions() {
    }

    public static List<Purchase> read(Path file) {
        return read(file, StandardCharsets.UTF_8);
    }

    public static List<Purchase> read(Path file, Charset charset) {
        List<String> lines = TextLines.readAll(file, charset);
        return parse(lines, file.toString());
    }

    static List<Purchase> parse(List<String> lines, String source) {
        List<Purchase> purchases = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            String where = source + ", line " + (i + 1);
            if (fields.length != 5) {
                throw new DataFormatException(where + ": expected 5 whitespace-separated fields, found "
                        + fields.length);
            }
            purchases.add(new Purchase(fields[0], date(fields[2], where), number(fields[3], where, "CDs"),
                    number(fields[4], where, "amount")));
        }
        if (purchases.isEmpty()) {
            throw new DataFormatException(source + ": empty file");
        }
        return purchases;
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new DataFormatException(where + ", column date: not a YYYYMMDD date: '" + text + "'", e);
        }
    }

    private static double number(String text, String where, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(where + ", column " + column + ": not a number: '" + text + "'");
        }
    }
}
