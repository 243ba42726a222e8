package io.keliu.orderanalytics.logs;

import java.util.regex.Pattern;

/**
 * Turns a log message into its template by masking what varies between occurrences of the same message: UUIDs,
 * e-mail and IP addresses, ids (words that mix letters and digits) and numbers. "timeout after 3000 ms for order
 * SO20241201-7" and "timeout after 2500 ms for order SO20241202-9" share "timeout after <n> ms for order <id>".
 */
public final class MessageTemplates {
    static final int MAX_LENGTH = 500;
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern IP = Pattern.compile("(?<![\\w.])\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?(?![\\w.])");
    private static final Pattern ID = Pattern.compile(
            "(?<![A-Za-z0-9_])(?=[A-Za-z0-9_.\\-]*[A-Za-z_])(?=[A-Za-z0-9_.\\-]*\\d)[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_<])[-+]?\\d+([.,:]\\d+)*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private MessageTemplates() {
    }

    public static String template(String message) {
        if (message == null || message.isBlank()) {
            return "(empty)";
        }
        String template = UUID.matcher(message).replaceAll("<uuid>");
        template = EMAIL.matcher(template).replaceAll("<email>");
        template = IP.matcher(template).replaceAll("<ip>");
        template = ID.matcher(template).replaceAll("<id>");
        template = NUMBER.matcher(template).replaceAll("<n>");
        template = BLANKS.matcher(template).replaceAll(" ").strip();
        return template.length() > MAX_LENGTH ? template.substring(0, MAX_LENGTH) : template;
    }
}
