package io.keliu.ingest.pipeline;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one batch, in the order they are sent, and their stored form: per message its topic, key and value,
 * each as a 4-byte length and its bytes (UTF-8 for topic and key; a null key has length -1).
 */
final class OutboxMessages {
    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    private final ByteArrayOutputStream stored = new ByteArrayOutputStream();

    void add(String topic, String key, byte[] value) {
        records.add(new ProducerRecord<>(topic, key, value));
        write(topic.getBytes(StandardCharsets.UTF_8));
        write(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
        write(value);
    }

    private void write(byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        stored.write(length >>> 24);
        stored.write(length >>> 16);
        stored.write(length >>> 8);
        stored.write(length);
        if (bytes != null) {
            stored.writeBytes(bytes);
        }
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    List<ProducerRecord<String, byte[]>> records() {
        return records;
    }

    byte[] stored() {
        return stored.toByteArray();
    }

    /** The messages of a stored value, as {@link #stored} wrote them. */
    static List<ProducerRecord<String, byte[]>> read(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        while (in.hasRemaining()) {
            String topic = text(bytes(in));
            String key = text(bytes(in));
            records.add(new ProducerRecord<>(topic, key, bytes(in)));
        }
        return records;
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
