package io.keliu.projection;

import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.UserProfile;

/** A change topic and the record its {@code ChangeEvent}s carry. */
public record ChangeTopic<T>(String name, Class<T> recordType) {
    public static final ChangeTopic<OrderLine> ORDERS = new ChangeTopic<>(Topics.ORDERS, OrderLine.class);
    public static final ChangeTopic<UserProfile> PROFILES = new ChangeTopic<>(Topics.PROFILES, UserProfile.class);
    public static final ChangeTopic<SystemLog> LOGS = new ChangeTopic<>(Topics.LOGS, SystemLog.class);
    public static final ChangeTopic<Feedback> FEEDBACK = new ChangeTopic<>(Topics.FEEDBACK, Feedback.class);
}
