package io.keliu.local.simulator;

import io.keliu.contracts.v1.Topics;
import java.util.List;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Damages about one record in a hundred the way real feeds do, so that ingest's validation and dead-letter path see
 * traffic: a missing order id, a word no vocabulary knows, broken JSON, a negative quantity on a normal line, a date
 * nobody can parse.
 */
final class Malformer {
    static final double SHARE = 0.01;

    enum Damage { MISSING_ORDER_ID, UNKNOWN_WORD, BROKEN_JSON, NEGATIVE_QUANTITY, UNPARSABLE_DATE }

    private static final List<String> UNKNOWN_WORDS = List.of("飞鸽传书", "进行中", "UNKNOWN_CHANNEL", "maybe", "其它渠道X");
    private static final List<String> UNPARSABLE_DATES = List.of("2026-02-30 25:61", "昨天下午", "31/31/2026", "not a date");

    private final JsonMapper json;

    Malformer(JsonMapper json) {
        this.json = json;
    }

    /** The record as JSON: intact, or (with probability {@link #SHARE}) damaged in one way that fits its topic. */
    RawRecord write(Draft draft, RandomGenerator random) {
        if (random.nextDouble() >= SHARE) {
            return intact(draft);
        }
        List<Damage> possible = damagesFor(draft);
        return damage(draft, possible.get(random.nextInt(possible.size())), random);
    }

    RawRecord damage(Draft draft, Damage damage, RandomGenerator random) {
        switch (damage) {
            case MISSING_ORDER_ID -> draft.fields().remove("order_id");
            case UNKNOWN_WORD -> draft.put(pick(enumFields(draft.topic()), random), pick(UNKNOWN_WORDS, random));
            case NEGATIVE_QUANTITY -> draft.put("quantity", -Math.abs(((Number) draft.fields().get("quantity")).intValue()));
            case UNPARSABLE_DATE -> draft.put(dateField(draft.topic()), pick(UNPARSABLE_DATES, random));
            case BROKEN_JSON -> {
                String whole = json.writeValueAsString(draft.fields());
                // cut inside the object: the closing brace and some fields are lost, as with a truncated write
                return new RawRecord(draft.topic(), draft.key(), whole.substring(0, 1 + random.nextInt(whole.length() - 1)));
            }
        }
        return intact(draft);
    }

    RawRecord intact(Draft draft) {
        return new RawRecord(draft.topic(), draft.key(), json.writeValueAsString(draft.fields()));
    }

    static List<Damage> damagesFor(Draft draft) {
        if (!draft.topic().equals(Topics.RAW_ORDERS)) {
            return List.of(Damage.UNKNOWN_WORD, Damage.BROKEN_JSON, Damage.UNPARSABLE_DATE);
        }
        // a refund line is negative already: that is valid, so only a normal line can get a wrong sign
        boolean normalLine = ((Number) draft.fields().get("quantity")).intValue() > 0;
        return normalLine ? List.of(Damage.values())
                : List.of(Damage.MISSING_ORDER_ID, Damage.UNKNOWN_WORD, Damage.BROKEN_JSON, Damage.UNPARSABLE_DATE);
    }

    private static List<String> enumFields(String topic) {
        return switch (topic) {
            case Topics.RAW_ORDERS -> List.of("channel", "order_type", "status");
            case Topics.RAW_PROFILES -> List.of("gender", "marital_status");
            case Topics.RAW_FEEDBACK -> List.of("kind", "channel", "status");
            default -> List.of("level", "log_type", "source");
        };
    }

    private static String dateField(String topic) {
        return switch (topic) {
            case Topics.RAW_ORDERS -> "created_at";
            case Topics.RAW_PROFILES -> "registered_at";
            case Topics.RAW_FEEDBACK -> "created_at";
            default -> "logged_at";
        };
    }

    private static <T> T pick(List<T> choices, RandomGenerator random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
