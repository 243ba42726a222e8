package io.keliu.ingest.logs;

import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.RawRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogNormalizerTest {
    private final LogNormalizer normalizer = new LogNormalizer(RawRecords.SHANGHAI, RawRecords.NOW);

    private Normalized<SystemLog> normalize(String type, String level, String source) {
        Map<String, String> fields = new HashMap<>();
        fields.put("log_id", "L-1");
        fields.put("log_type", type);
        fields.put("level", level);
        fields.put("message", "GET /api/v1/orders 200 12ms");
        fields.put("logged_at", "2024-05-01 10:00:00.123");
        fields.put("source", source);
        return normalizer.normalize(RawRecords.of(LogFields.FIELDS, fields));
    }

    @Test
    void readsEveryFieldOfSeed001() {
        assertThat(normalize("API请求", "INFO", "API接口").value()).isEqualTo(new SystemLog("L-1",
                LogType.API_REQUEST, LogLevel.INFO, "GET /api/v1/orders 200 12ms",
                Instant.parse("2024-05-01T02:00:00.123Z"), LogSource.API));
    }

    @ParameterizedTest
    @CsvSource({"API请求,INFO,API接口,API_REQUEST,INFO,API", "系统错误,ERROR,服务器,SYSTEM_ERROR,ERROR,SERVER",
            "用户操作,WARN,客户端,USER_ACTION,WARN,CLIENT", "user action,warning,client,USER_ACTION,WARN,CLIENT"})
    void seedWords(String type, String level, String source, LogType expectedType, LogLevel expectedLevel,
                   LogSource expectedSource) {
        SystemLog log = normalize(type, level, source).value();
        assertThat(log).extracting(SystemLog::logType, SystemLog::level, SystemLog::source)
                .containsExactly(expectedType, expectedLevel, expectedSource);
    }

    @Test
    void levelIsRequired() {
        assertThat(normalize("API请求", "", "API接口").errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("level"));
    }
}
