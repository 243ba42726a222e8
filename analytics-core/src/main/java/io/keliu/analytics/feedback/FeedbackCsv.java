package io.keliu.analytics.feedback;

import io.keliu.analytics.customers.OrdersCsv;
import io.keliu.analytics.io.CsvRecords;
import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.io.Rejections;
import io.keliu.analytics.io.TextLines;
import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FieldError;
import io.keliu.contracts.v1.Timestamps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields the analysis needs from a feedback CSV (the English column names of docs/contracts.md; other
 * columns are left alone and not checked): {@code feedback_id} and {@code text} required, {@code user_id} and
 * {@code created_at} used when present. A row with an empty id or text, a text over {@value Feedback#MAX_TEXT}
 * characters after surrounding blanks are removed (the record contract's limit), an unreadable time or the wrong
 * number of fields is skipped and reported with its line, field and reason. A later row with the same feedback_id
 * replaces the earlier one (a newer version of the same case), in the earlier one's place.
 */
public final class FeedbackCsv {

    private final Timestamps timestamps = new Timestamps(OrdersCsv.SHOP_ZONE);

    public record Result(List<FeedbackText> texts, Rejections rejections) {
    }

    public Result read(Path file, Charset charset) {
        try (TextLines lines = TextLines.open(file, charset)) {
            return read(new CsvRecords(lines, CsvTable.Comments.NONE), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Result read(CsvRecords records, String source) throws IOException {
        CsvRecords.Record header;
        try {
            header = records.next();
        } catch (CsvRecords.BadRecord e) {
            throw new DataFormatException(source + ": the header " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataFormatException(source + ": empty file; a feedback file starts with a header line naming"
                    + " its columns (feedback_id, user_id, kind, channel, rating, text, created_at, …)");
        }
        Columns columns = new Columns(header.fields(), source);
        Map<String, FeedbackText> texts = new LinkedHashMap<>();
        Rejections rejections = new Rejections();
        while (true) {
            CsvRecords.Record record;
            try {
                record = records.next();
            } catch (CsvRecords.BadRecord e) {
                rejections.reject(new FieldError(e.line(), null, e.reason()));
                continue;
            }
            if (record == null) {
                break;
            }
            List<FieldError> errors = new ArrayList<>();
            FeedbackText text = read(record, header.fields().size(), columns, errors);
            if (text == null) {
                rejections.reject(errors);
            } else {
                texts.put(text.feedbackId(), text);
            }
        }
        return new Result(List.copyOf(texts.values()), rejections);
    }

    private FeedbackText read(CsvRecords.Record record, int headerSize, Columns columns, List<FieldError> errors) {
        List<String> fields = record.fields();
        int line = record.line();
        if (fields.size() != headerSize) {
            errors.add(new FieldError(line, null, "has " + fields.size() + " fields but the header has " + headerSize
                    + "; " + (fields.size() > headerSize ? "a comma inside a value must be quoted (\"a,b\")"
                    : "is the line cut short?")));
            return null;
        }
        String id = value(fields, columns.feedbackId);
        String text = fields.get(columns.text).strip();
        if (id == null) {
            errors.add(new FieldError(line, "feedback_id", "is empty; every case needs its id"));
        }
        if (text.isEmpty()) {
            errors.add(new FieldError(line, "text", "is empty; write what the customer said"));
        } else if (text.length() > Feedback.MAX_TEXT) {
            errors.add(new FieldError(line, "text", "has " + text.length() + " characters, more than the "
                    + Feedback.MAX_TEXT + " allowed; shorten it or split it into several cases"));
        }
        Instant createdAt = null;
        String created = value(fields, columns.createdAt);
        if (created != null) {
            try {
                createdAt = timestamps.parse(created);
            } catch (DateTimeException e) {
                errors.add(new FieldError(line, "created_at", e.getMessage()));
            }
        }
        return errors.isEmpty() ? new FeedbackText(id, value(fields, columns.userId), createdAt, text) : null;
    }

    /** A field's value stripped, null when the column is absent or the field blank. */
    private static String value(List<String> fields, int column) {
        if (column < 0) {
            return null;
        }
        String value = fields.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    /** Where the columns are; feedback_id and text must be there. */
    private static final class Columns {
        final int feedbackId;
        final int userId;
        final int text;
        final int createdAt;

        Columns(List<String> header, String source) {
            List<String> names = header.stream()
                    .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            feedbackId = names.indexOf("feedback_id");
            userId = names.indexOf("user_id");
            text = names.indexOf("text");
            createdAt = names.indexOf("created_at");
            if (feedbackId < 0 || text < 0) {
                throw new DataFormatException(source + ": missing column '" + (feedbackId < 0 ? "feedback_id" : "text")
                        + "' (columns: " + String.join(", ", names) + "); a feedback file has the columns feedback_id,"
                        + " user_id, order_id, kind, channel, rating, text, created_at, status, resolved_at");
            }
        }
    }
}
