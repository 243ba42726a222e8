package io.keliu.forecast.forecasts;

import io.keliu.forecast.traffic.Dimension;

/**
 * A forecast series: {@code total}, {@code province:广东省} or {@code channel:WECHAT} (daily orders).
 */
public record SeriesId(Dimension dimension, String member) {
    public static final SeriesId TOTAL = new SeriesId(Dimension.TOTAL, "");
    public static final String VALID_FORMS = "total, province:<province as stored, e.g. 广东省>, channel:<channel, e.g. WECHAT>";

    /** The series named by {@code text}, or null when it is not one of the valid forms. */
    public static SeriesId parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("total")) {
            return TOTAL;
        }
        int colon = text.indexOf(':');
        if (colon < 0 || colon == text.length() - 1) {
            return null;
        }
        String member = text.substring(colon + 1).strip();
        return switch (text.substring(0, colon).strip()) {
            case "province" -> new SeriesId(Dimension.PROVINCE, member);
            case "channel" -> new SeriesId(Dimension.CHANNEL, member);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return dimension == Dimension.TOTAL ? "total" : dimension.parameter() + ":" + member;
    }
}
