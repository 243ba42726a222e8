package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visit (docs/traffic.md "Visits"): a user-action log line that records a page view or an app open, at its
 * {@code loggedAt}, in the channel its message names ("" when it names none).
 */
record Visit(Instant at, String channel) {
    private static final Pattern PAGE_VIEW_OR_APP_OPEN = Pattern.compile(
            "浏览|访问|(?:打开|启动)(?:应用|app|小程序)|page[ _-]?view|\\bvisit|app[ _-]?(?:open|launch)"
                    + "|open(?:ed|s)?[ _-]?(?:the[ _-])?app\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CHANNEL = Pattern.compile("(?:\\bchannel|渠道)\\s*[:=：]\\s*([^\\s,;，；]+)",
            Pattern.CASE_INSENSITIVE);

    static Optional<Visit> of(SystemLog log) {
        if (log == null || log.logType() != LogType.USER_ACTION || log.message() == null
                || !PAGE_VIEW_OR_APP_OPEN.matcher(log.message()).find()) {
            return Optional.empty();
        }
        return Optional.of(new Visit(log.loggedAt(), channelOf(log.message())));
    }

    /** The channel a message names ({@code channel=APP}, {@code 渠道：微信}) in the orders' words, else "". */
    private static String channelOf(String message) {
        Matcher named = CHANNEL.matcher(message);
        return named.find() ? Channel.WORDS.lookup(named.group(1)).map(Enum::name).orElse("") : "";
    }
}
