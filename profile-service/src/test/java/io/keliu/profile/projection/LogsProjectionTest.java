package io.keliu.profile.projection;

import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LogsProjectionTest {

    @Test
    void findsTheUserALogLineNames() {
        assertThat(user("用户 U100231 加入购物车")).contains("U100231");
        assertThat(user("用户U7 登录")).contains("U7");
        assertThat(user("POST /api/v1/payments 500 user_id=U9001")).contains("U9001");
        assertThat(user("userId: 42 changed address")).contains("42");
        assertThat(user("user logged in")).isEmpty();
        assertThat(user("GET /api/v1/users/me 200 12ms")).isEmpty();
    }

    private static Optional<String> user(String message) {
        return LogsProjection.userOf(new SystemLog("L", LogType.USER_ACTION, LogLevel.INFO, message, Instant.EPOCH,
                LogSource.CLIENT));
    }
}
