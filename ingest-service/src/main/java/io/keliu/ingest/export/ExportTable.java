package io.keliu.ingest.export;

import java.util.List;

/**
 * What one kind of record exports: its table, its key (the order of the export and of its keyset pages), the column
 * that {@code from}/{@code to} select by, and the columns in the order of the import format.
 *
 * @param fields   the import format's field names, as the header of the file
 * @param columns  the column each field is read from, same order
 */
record ExportTable(String kind, String table, List<String> keyColumns, String dateColumn, List<String> fields,
                   List<String> columns) {

    static final List<ExportTable> ALL = List.of(
            new ExportTable("orders", "ingest.order_lines", List.of("order_id", "line_key"), "created_at",
                    List.of("order_id", "user_id", "created_at", "paid_at", "product_id", "quantity", "amount",
                            "shipping_address", "order_type", "channel", "status", "cancelled", "remark",
                            "unit_price", "province", "city", "country", "category", "updated_at", "line_no"),
                    List.of("order_id", "user_id", "created_at", "paid_at", "product_id", "quantity", "amount",
                            "shipping_address", "order_type", "channel", "status", "cancelled", "remark",
                            "unit_price", "province", "city", "country", "category", "updated_at", "line_key")),
            new ExportTable("profiles", "ingest.profiles", List.of("user_id"), "registered_at",
                    List.of("user_id", "registered_at", "activated_at", "last_login_at", "age", "gender",
                            "marital_status", "occupation", "city", "province", "industry", "updated_at"),
                    List.of("user_id", "registered_at", "activated_at", "last_login_at", "age", "gender",
                            "marital_status", "occupation", "city", "province", "industry", "updated_at")),
            new ExportTable("logs", "ingest.system_logs", List.of("log_id"), "logged_at",
                    List.of("log_id", "log_type", "level", "message", "logged_at", "source"),
                    List.of("log_id", "log_type", "level", "message", "logged_at", "source")),
            new ExportTable("feedback", "ingest.feedback", List.of("feedback_id"), "created_at",
                    List.of("feedback_id", "user_id", "order_id", "kind", "channel", "rating", "text", "created_at",
                            "status", "resolved_at", "updated_at"),
                    List.of("feedback_id", "user_id", "order_id", "kind", "channel", "rating", "text", "created_at",
                            "status", "resolved_at", "updated_at")));

    /**
     * One page in key order: the first, or the one after the last key of the page before (its values are the first
     * parameters), optionally within [from, to) of the date column.
     */
    String pageQuery(boolean first, boolean from, boolean to, int pageSize) {
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", columns)).append(", ")
                .append(String.join(", ", keyColumns)).append(" FROM ").append(table).append(" WHERE true");
        if (!first) {
            sql.append(" AND (").append(String.join(", ", keyColumns)).append(") > (")
                    .append(String.join(", ", keyColumns.stream().map(k -> "?").toList())).append(")");
        }
        if (from) {
            sql.append(" AND ").append(dateColumn).append(" >= ?");
        }
        if (to) {
            sql.append(" AND ").append(dateColumn).append(" < ?");
        }
        return sql.append(" ORDER BY ").append(String.join(", ", keyColumns)).append(" LIMIT ").append(pageSize)
                .toString();
    }
}
