package io.keliu.profile.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.profile.customers.CustomerStore;
import io.keliu.profile.customers.CustomerStore.Activity;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads activity off log lines that name a user: {@code 用户 U100231 …}, {@code user U1}, {@code userId=U1},
 * {@code user_id: U1}, {@code uid=U1}. A log line is a new record only (logs never change).
 */
@Component
class LogsProjection implements ProjectionHandler<SystemLog> {
    /** A user id holds a digit, so that "user logged in" names nobody. */
    private static final String ID = "(?=[A-Za-z_.-]*\\d)([A-Za-z0-9][A-Za-z0-9_.-]{0,63})";
    private static final Pattern USER = Pattern.compile("用户(?:ID)?\\s*[:=：]?\\s*" + ID
            + "|\\b(?:user[ _]?id|uid)\\s*[:=：]\\s*" + ID + "|\\buser\\s+" + ID, Pattern.CASE_INSENSITIVE);

    private final CustomerStore store;

    LogsProjection(CustomerStore store) {
        this.store = store;
    }

    @Override
    public ChangeTopic<SystemLog> topic() {
        return ChangeTopic.LOGS;
    }

    @Override
    public void apply(List<ChangeEvent<SystemLog>> events) {
        List<Activity> activities = new ArrayList<>();
        for (ChangeEvent<SystemLog> event : events) {
            SystemLog log = event.after();
            if (log != null && event.before() == null) {
                userOf(log).ifPresent(user -> activities.add(new Activity(user, log.loggedAt(),
                        log.level() != null && log.level().compareTo(LogLevel.ERROR) >= 0
                                || log.logType() == LogType.SYSTEM_ERROR)));
            }
        }
        store.addActivity(activities);
    }

    static Optional<String> userOf(SystemLog log) {
        if (log.message() == null) {
            return Optional.empty();
        }
        Matcher matcher = USER.matcher(log.message());
        if (!matcher.find()) {
            return Optional.empty();
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return Optional.of(matcher.group(group));
            }
        }
        return Optional.empty();
    }

    /** Activity is shared with the other projections: all are emptied together. */
    @Override
    public void reset() {
        store.truncateAll();
    }
}
