package io.keliu.orderanalytics;

import io.keliu.contracts.v1.CsvFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order file of the import format read as plain rows of text, with the line keys the import gives them: the
 * product id, then product#2, #3 … for the product's next rows in the same order (docs/contracts.md).
 */
record OrderFile(List<Map<String, String>> rows) {

    static OrderFile read(String resource) {
        String text;
        try (InputStream in = OrderFile.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> records = new ArrayList<>();
        String pending = null;
        for (String physical : text.split("\n", -1)) {
            String record = pending == null ? physical : pending + "\n" + physical;
            List<String> fields = CsvFields.split(record);
            if (fields == null) {
                pending = record;
                continue;
            }
            pending = null;
            if (!record.isBlank()) {
                records.add(fields);
            }
        }
        List<String> header = records.getFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.size() ? record.get(i).strip() : "");
            }
            int occurrence = taken.merge(row.get("order_id") + "\u0000" + row.get("product_id"), 1, Integer::sum);
            row.put("line_key", occurrence == 1 ? row.get("product_id") : row.get("product_id") + "#" + occurrence);
            rows.add(row);
        }
        return new OrderFile(rows);
    }
}
