package io.keliu.ingest.logs;

import io.keliu.contracts.v1.SystemLog;
import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.ingest.store.UpsertStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class LogsIngest {

    @Bean
    IngestKind<SystemLog> logsKind(Timestamps timestamps, Clock clock) {
        return new IngestKind<>("logs", LogFields.FIELDS, new LogNormalizer(timestamps, clock),
                new UpsertStore<>(new LogTable()), Topics.RAW_LOGS, Topics.LOGS,
                SystemLog::logId, SystemLog::logId);
    }
}
