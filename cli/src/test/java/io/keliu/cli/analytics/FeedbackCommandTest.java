package io.keliu.cli.analytics;

import io.keliu.cli.CliRun;
import io.keliu.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keliu analytics feedback} on a small file: topics, repeats, similar texts and bad rows. */
class FeedbackCommandTest {

    private static final String FILE = """
            feedback_id,user_id,order_id,kind,channel,rating,text,created_at,status,resolved_at
            F1,u1,,COMPLAINT,APP,1,快递一个星期还没到，物流信息不更新,2026-11-02T10:00:00+08:00,OPEN,
            F2,u2,,COMPLAINT,APP,2,退款申请十天了还没到账,2026-11-02T11:00:00+08:00,OPEN,
            F3,u3,,COMPLAINT,PHONE,1,物流太慢，快递到现在还没到,2026-11-02T12:00:00+08:00,OPEN,
            F4,u1,,COMPLAINT,APP,1,快递还没到！物流信息一直不更新,2026-11-03T09:00:00+08:00,OPEN,
            F5,u5,,COMPLAINT,EMAIL,,"The refund still hasn't reached my card, ten days now.",2026-11-03T10:00:00+08:00,OPEN,
            F6,u6,,COMPLAINT,EMAIL,,,2026-11-03T11:00:00+08:00,OPEN,
            """;

    @TempDir
    Path folder;

    @Test
    void groupsTextsIntoLabelledTopicsCountsARepeatOnceAndListsSimilarTexts() throws IOException {
        CliRun run = CliRun.of("analytics", "feedback", "--input", write(FILE, Charset.forName("GBK")).toString(),
                "--charset", "GBK", "--similar", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("texts").asInt()).isEqualTo(5);
        JsonNode late = json.at("/topics/0");
        assertThat(late.get("size").asInt()).isEqualTo(3);
        assertThat(late.get("distinctSize").asInt()).as("F4 repeats F1").isEqualTo(2);
        assertThat(late.get("label").toString()).contains("快递").contains("物流");
        assertThat(late.at("/examples/1/feedbackId").asString()).isEqualTo("F3");
        JsonNode f4 = json.at("/assignments/3");
        assertThat(f4.get("feedbackId").asString()).isEqualTo("F4");
        assertThat(f4.get("topic").asInt()).isEqualTo(json.at("/assignments/0/topic").asInt())
                .isEqualTo(late.get("topic").asInt());
        assertThat(f4.get("duplicateOf").asString()).isEqualTo("F1");
        assertThat(f4.at("/similar/0/feedbackId").asString()).isEqualTo("F1");
        assertThat(f4.at("/similar/0/similarity").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.at("/assignments/1/topic").asInt()).as("refund, not delivery")
                .isNotEqualTo(late.get("topic").asInt());
        assertThat(json.at("/assignments/1/duplicateOf").isNull()).isTrue();

        JsonNode report = Json.MAPPER.readTree(run.err());
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.at("/errors/0/line").asInt()).isEqualTo(7);
        assertThat(report.at("/errors/0/field").asString()).isEqualTo("text");
    }

    @Test
    void strictRefusesTheFileAndABadThresholdIsNamed() throws IOException {
        Path file = write(FILE, Charset.forName("UTF-8"));

        CliRun strict = CliRun.of("analytics", "feedback", "--input", file.toString(), "--strict");
        CliRun threshold = CliRun.of("analytics", "feedback", "--input", file.toString(), "--threshold", "1.5");

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains("1 rows were rejected");
        assertThat(threshold.exitCode()).isEqualTo(2);
        assertThat(threshold.err()).startsWith("error: --threshold");
    }

    private Path write(String text, Charset charset) throws IOException {
        Path file = folder.resolve("feedback.csv");
        Files.writeString(file, text, charset);
        return file;
    }
}
