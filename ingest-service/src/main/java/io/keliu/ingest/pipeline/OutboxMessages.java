package io.keliu.ingest.pipeline;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one batch, in the order they are sent, and their stored form: per message its topic, key and value,
 * each as a 4-byte length and its bytes (UTF-8 for topic and key; a null key has length -1), the whole compressed
 * with zstd as it is written. Compressed, a batch's row is about a tenth of its events' JSON: PostgreSQL's cost of
 * the outbox grows with the bytes it writes to its TOAST table and WAL, and compressing costs the service less than
 * that. Rows stored uncompressed (by versions before compression) are still read.
 */
final class OutboxMessages {
    /** Fast and about 10:1 on change events; higher levels shrink them little more for several times the CPU. */
    private static final int LEVEL = 1;
    /** The first bytes of a zstd frame; an uncompressed row starts with a topic's length instead. */
    private static final int ZSTD_MAGIC = 0xFD2FB528;

    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream(1 << 16);
    private DataOutputStream stored;

    void add(String topic, String key, byte[] value) {
        records.add(new ProducerRecord<>(topic, key, value));
        try {
            if (stored == null) {
                stored = new DataOutputStream(new BufferedOutputStream(new ZstdOutputStream(compressed, LEVEL),
                        1 << 16));
            }
            write(topic.getBytes(StandardCharsets.UTF_8));
            write(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
            write(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress change events: " + e.getMessage(), e);
        }
    }

    private void write(byte[] bytes) throws IOException {
        stored.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            stored.write(bytes);
        }
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    List<ProducerRecord<String, byte[]>> records() {
        return records;
    }

    /** The stored form; call once, after the last {@link #add}. */
    byte[] stored() {
        if (stored != null) {
            try {
                stored.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compress change events: " + e.getMessage(), e);
            }
        }
        return compressed.toByteArray();
    }

    /** The messages of a stored value, as {@link #stored} wrote them. */
    static List<ProducerRecord<String, byte[]>> read(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(uncompressed(stored));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        while (in.hasRemaining()) {
            String topic = text(bytes(in));
            String key = text(bytes(in));
            records.add(new ProducerRecord<>(topic, key, bytes(in)));
        }
        return records;
    }

    private static byte[] uncompressed(byte[] stored) {
        if (stored.length < 4 || ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).getInt() != ZSTD_MAGIC) {
            return stored;
        }
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read change events from the outbox: " + e.getMessage(), e);
        }
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
