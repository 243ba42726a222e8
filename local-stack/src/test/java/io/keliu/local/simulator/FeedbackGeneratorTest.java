package io.keliu.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Topics;
import io.keliu.local.simulator.FeedbackGenerator.Spike;
import io.keliu.local.simulator.FeedbackTexts.Problem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service desk's cases in nine days of simulated traffic (an event every 30 s), read as ingest would. */
class FeedbackGeneratorTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 20);
    private static final int DAYS = 9;
    /** How a reader tells the spiking problems apart, independently of the templates' lists. */
    private static final Map<Problem, Pattern> WORDS_OF = Map.of(
            Problem.LATE_DELIVERY, Pattern.compile("还没收到|物流|派送|到货|(?i)late|arrive|stuck in transit|waiting for my"),
            Problem.WRONG_SIZE, Pattern.compile("尺码|(?i)size"),
            Problem.REFUND_SLOW, Pattern.compile("退款|(?i)refund"),
            Problem.DAMAGED, Pattern.compile("破损|压扁|损坏|划痕|摔坏|(?i)crushed|damaged|broken"));

    private static final List<JsonNode> cases = new ArrayList<>();
    private static final Map<String, String> provinceOfOrder = new HashMap<>();

    @BeforeAll
    static void simulateNineDays() {
        TrafficGenerator generator = new TrafficGenerator(11);
        for (int i = 0; i < DAYS * 24 * 120; i++) {
            for (RawRecord record : generator.eventAt(FIRST_DAY.atStartOfDay().plusSeconds(30L * i))) {
                if (!RawRecordCheck.isValid(record)) {
                    continue;
                }
                JsonNode fields = RawRecordCheck.parse(record);
                if (record.topic().equals(Topics.RAW_FEEDBACK)) {
                    cases.add(fields);
                } else if (record.topic().equals(Topics.RAW_ORDERS)) {
                    provinceOfOrder.put(fields.get("order_id").asString(), fields.get("province").asString());
                }
            }
        }
    }

    @Test
    void casesComeInBothLanguagesAtTheDailyRateAndPassIngestsRules() {
        List<JsonNode> firstVersions = cases.stream().filter(c -> c.get("updated_at").asString().isEmpty()).toList();
        double perDay = (double) firstVersions.size() / DAYS;
        assertThat(perDay).isBetween(FeedbackGenerator.CASES_PER_DAY,
                (FeedbackGenerator.CASES_PER_DAY + FeedbackGenerator.SPIKE_COMPLAINTS) * 1.2);
        long chinese = firstVersions.stream().filter(c -> c.get("text").asString().matches(".*\\p{IsHan}.*")).count();
        long english = firstVersions.stream().filter(c -> c.get("text").asString().matches("[\\p{ASCII}]+")).count();
        assertThat(chinese).isGreaterThan(firstVersions.size() / 2);
        assertThat(english).isGreaterThan(firstVersions.size() / 5);
        assertThat(firstVersions).extracting(c -> kind(c)).contains(FeedbackKind.values());
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.get("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(10_000);
            String rating = c.get("rating").asString();
            assertThat(rating.isEmpty() || rating.matches("[1-5]")).as(rating).isTrue();
            boolean resolved = status(c) == FeedbackStatus.RESOLVED;
            String resolvedAt = c.get("resolved_at").asString();
            assertThat(resolvedAt.isEmpty()).isEqualTo(!resolved);
            assertThat(resolved && local(resolvedAt).isBefore(local(c.get("created_at").asString()))).isFalse();
        });
    }

    @Test
    void complaintsGoThroughInProgressToResolvedAndSomeCustomersComplainTwice() {
        Map<String, List<FeedbackStatus>> versions = new HashMap<>();
        cases.forEach(c -> versions.computeIfAbsent(c.get("feedback_id").asString(), id -> new ArrayList<>())
                .add(status(c)));
        assertThat(versions.values().stream().filter(v -> v.equals(List.of(FeedbackStatus.OPEN,
                FeedbackStatus.IN_PROGRESS, FeedbackStatus.RESOLVED))).count()).isGreaterThan(50);
        assertThat(versions.values().stream().filter(v -> v.getLast() != FeedbackStatus.RESOLVED).count())
                .as("cases still open").isGreaterThan(50);

        Map<String, List<String>> complaintsByCustomerAndOrder = new HashMap<>();
        cases.stream().filter(c -> kind(c) == FeedbackKind.COMPLAINT && c.get("updated_at").asString().isEmpty()
                        && !c.get("user_id").asString().isEmpty())
                .forEach(c -> complaintsByCustomerAndOrder.computeIfAbsent(c.get("user_id").asString() + "/"
                        + c.get("order_id").asString(), k -> new ArrayList<>()).add(c.get("text").asString()));
        long nearDuplicates = complaintsByCustomerAndOrder.values().stream().filter(texts -> texts.size() > 1
                && texts.stream().allMatch(text -> text.endsWith(texts.getFirst()))).count();
        assertThat(nearDuplicates).isGreaterThan(10);
    }

    @Test
    void everyDayOneProblemSpikesInOneProvinceFarAboveItsUsualCount() {
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            Spike spike = FeedbackGenerator.spikeOn(day);
            List<Long> usual = new ArrayList<>();
            for (int other = 0; other < DAYS; other++) {
                if (!FeedbackGenerator.spikeOn(FIRST_DAY.plusDays(other)).equals(spike)) {
                    usual.add(complaints(spike, FIRST_DAY.plusDays(other)));
                }
            }
            long median = usual.stream().sorted().toList().get(usual.size() / 2);
            assertThat(complaints(spike, day)).as(day + " " + spike + ", usual " + usual)
                    .isGreaterThanOrEqualTo(Math.max(20, 4 * Math.max(1, median)));
        }
    }

    /** New complaints on {@code day} about the spike's problem, on orders shipped to the spike's province. */
    private static long complaints(Spike spike, LocalDate day) {
        return cases.stream().filter(c -> kind(c) == FeedbackKind.COMPLAINT
                        && c.get("updated_at").asString().isEmpty()
                        && local(c.get("created_at").asString()).toLocalDate().equals(day)
                        && spike.province().equals(provinceOfOrder.get(c.get("order_id").asString()))
                        && WORDS_OF.get(spike.problem()).matcher(c.get("text").asString()).find())
                .count();
    }

    private static FeedbackKind kind(JsonNode c) {
        return FeedbackKind.WORDS.lookup(c.get("kind").asString()).orElseThrow();
    }

    private static FeedbackStatus status(JsonNode c) {
        return FeedbackStatus.WORDS.lookup(c.get("status").asString()).orElseThrow();
    }

    /** The simulator writes local times, some with +08:00: the local time is the first 19 characters. */
    private static LocalDateTime local(String timestamp) {
        return LocalDateTime.parse(timestamp.substring(0, 19));
    }
}
