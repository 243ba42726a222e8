package io.keliu.analytics.feedback;

import io.keliu.analytics.io.DataFormatException;
import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FeedbackCsvTest {

    @TempDir
    Path folder;

    @Test
    void badRowsAreSkippedWithLineFieldAndReason() throws IOException {
        Path file = write("""
                feedback_id,user_id,kind,text,created_at
                F1,u1,COMPLAINT,快递太慢,2026-11-02 10:00:00
                F2,u2,COMPLAINT,"  ",2026-11-02
                F3,,COMPLAINT,%s,2026-11-02
                F4,u4,COMPLAINT,late,yesterday
                ,u5,COMPLAINT,no id,2026-11-02
                F6,u6
                F1,u1,COMPLAINT,"快递太慢, 还没到",2026-11-03
                """.formatted("x".repeat(Feedback.MAX_TEXT + 1)));

        FeedbackCsv.Result result = new FeedbackCsv().read(file, StandardCharsets.UTF_8);

        assertThat(result.texts()).containsExactly(new FeedbackText("F1", "u1",
                Instant.parse("2026-11-03T00:00:00+08:00"), "快递太慢, 还没到"));
        assertThat(result.rejections().rejected()).isEqualTo(5);
        assertThat(result.rejections().errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                tuple(3L, "text"), tuple(4L, "text"),
                tuple(5L, "created_at"),
                tuple(6L, "feedback_id"), tuple(7L, null));
        assertThat(result.rejections().errors().get(1).reason()).contains("10001 characters");
    }

    @Test
    void aFileWithoutTheTextColumnIsRefusedNamingIt() throws IOException {
        Path file = write("feedback_id,comment\nF1,hi\n");

        assertThatThrownBy(() -> new FeedbackCsv().read(file, StandardCharsets.UTF_8))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("missing column 'text'");
    }

    private Path write(String text) throws IOException {
        Path file = folder.resolve("feedback.csv");
        Files.writeString(file, text);
        return file;
    }
}
