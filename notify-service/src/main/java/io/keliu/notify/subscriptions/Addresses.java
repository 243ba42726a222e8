package io.keliu.notify.subscriptions;

import io.keliu.notify.channels.ChannelKind;

import java.net.URI;
import java.util.regex.Pattern;

/** Validates and normalizes recipient addresses per channel, and masks them for display. */
final class Addresses {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBHOOK_KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern WECOM_USERS = Pattern.compile("[A-Za-z0-9_@.\\-]{1,64}(\\|[A-Za-z0-9_@.\\-]{1,64}){0,999}");

    private Addresses() {
    }

    /** The address in its one stored form, or an explanation of what is wrong with it. */
    static String normalize(ChannelKind channel, String raw) {
        String address = raw == null ? "" : raw.strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        return switch (channel) {
            case SMS -> phone(address);
            case EMAIL -> {
                if (!EMAIL.matcher(address).matches()) {
                    throw new IllegalArgumentException("'" + address + "' is not an email address");
                }
                yield address;
            }
            case WECOM_ROBOT -> webhookKey(address);
            case WECOM_APP -> {
                if (!WECOM_USERS.matcher(address).matches()) {
                    throw new IllegalArgumentException("'" + address + "' is not a WeCom user id (or ids joined by '|')");
                }
                yield address;
            }
        };
    }

    /** E.164; a mainland mobile number may come without +86 (and with spaces or dashes). */
    static String phone(String raw) {
        String digits = raw.replaceAll("[\\s\\-()]", "");
        if (MAINLAND_MOBILE.matcher(digits).matches()) {
            return "+86" + digits;
        }
        if (digits.startsWith("0086")) {
            digits = "+" + digits.substring(2);
        }
        if (E164.matcher(digits).matches()) {
            if (digits.startsWith("+86") && !MAINLAND_MOBILE.matcher(digits.substring(3)).matches()) {
                throw new IllegalArgumentException("'" + raw + "' is not a mainland China mobile number "
                        + "(+86 then 11 digits starting 13–19)");
            }
            return digits;
        }
        throw new IllegalArgumentException("'" + raw + "' is not a phone number in E.164 form (+8613800138000) "
                + "nor a mainland mobile number (13800138000)");
    }

    /** The key itself, or taken from a pasted webhook URL (…/cgi-bin/webhook/send?key=…). */
    static String webhookKey(String raw) {
        String key = raw;
        if (raw.startsWith("http://") || raw.startsWith("https://")) {
            String query = URI.create(raw).getRawQuery();
            key = query == null ? "" : java.util.Arrays.stream(query.split("&"))
                    .filter(pair -> pair.startsWith("key=")).map(pair -> pair.substring(4)).findFirst().orElse("");
        }
        if (!WEBHOOK_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("is not a WeCom robot webhook key (the key=… part of its webhook URL)");
        }
        return key;
    }

    /** Enough to recognise an address, never enough to use it. */
    static String mask(ChannelKind channel, String address) {
        return switch (channel) {
            case SMS -> address.substring(0, Math.min(6, address.length())) + "****"
                    + address.substring(Math.max(address.length() - 4, 0));
            case EMAIL -> {
                int at = address.indexOf('@');
                yield address.charAt(0) + "***" + address.substring(at);
            }
            case WECOM_ROBOT -> "****" + address.substring(address.length() - 4);
            case WECOM_APP -> address;
        };
    }
}
