package io.keliu.local.simulator;

import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.Topics;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** System log lines of the shop: API requests, user actions, now and then an error, and an incident every hour. */
final class LogGenerator {
    private static final List<String> API_PATHS = List.of(
            "GET /api/v1/products", "GET /api/v1/orders", "POST /api/v1/orders", "GET /api/v1/cart",
            "POST /api/v1/payments", "GET /api/v1/users/me", "GET /api/v1/search?q=%E8%BF%9E%E8%A1%A3%E8%A3%99");
    private static final List<String> ACTIONS = List.of("登录", "浏览商品", "加入购物车", "提交订单", "领取优惠券", "退出登录");
    private static final List<String> ERRORS = List.of(
            "订单服务调用超时 (3000ms)", "数据库连接池耗尽", "支付回调签名校验失败", "库存扣减失败：库存不足",
            "Redis 连接被拒绝", "短信网关返回 503");
    private static final Weighted<LogType> TYPES = Weighted.<LogType>of()
            .add(60, LogType.API_REQUEST).add(30, LogType.USER_ACTION).add(10, LogType.SYSTEM_ERROR);

    /** During an incident most lines are errors: a spike order-analytics-service alerts on. */
    private static final double INCIDENT_ERROR_SHARE = 0.7;
    /**
     * Lines per log event during an incident: at night the simulator makes about three log events a minute, and
     * order-analytics-service needs at least 5 errors in a minute (besides 3× the usual) to call it a spike.
     */
    static final int INCIDENT_BURST = 8;

    private final String runTag;
    private long sequence;

    LogGenerator(String runTag) {
        this.runTag = runTag;
    }

    /** The lines of one log event: one line, or a burst of them during an incident. */
    List<Draft> next(LocalDateTime time, RandomGenerator random) {
        if (!incident(time)) {
            return List.of(line(time, TYPES.draw(random), random));
        }
        List<Draft> burst = new ArrayList<>(INCIDENT_BURST);
        for (int i = 0; i < INCIDENT_BURST; i++) {
            burst.add(line(time, random.nextDouble() < INCIDENT_ERROR_SHARE ? LogType.SYSTEM_ERROR
                    : TYPES.draw(random), random));
        }
        return burst;
    }

    private Draft line(LocalDateTime time, LogType type, RandomGenerator random) {
        String logId = "L-" + runTag + "-" + String.format("%08d", ++sequence);
        return Draft.of(Topics.RAW_LOGS, logId)
                .put("log_id", logId)
                .put("log_type", SourceWords.write(type, random))
                .put("level", level(type, random).name())
                .put("message", message(type, random))
                .put("logged_at", Timestamps.writeMillis(time.plusNanos(random.nextInt(1_000_000_000))))
                .put("source", source(type).name());
    }

    /**
     * Every hour from minute 20 to 22 the shop has an incident, so that a trial sees an alert (FIRING, then
     * RESOLVED) delivered at least once an hour.
     */
    static boolean incident(LocalDateTime time) {
        return time.getMinute() >= 20 && time.getMinute() < 23;
    }

    private static LogLevel level(LogType type, RandomGenerator random) {
        double draw = random.nextDouble();
        if (type == LogType.SYSTEM_ERROR) {
            return draw < 0.8 ? LogLevel.ERROR : LogLevel.WARN;
        }
        return draw < 0.92 ? LogLevel.INFO : LogLevel.WARN;
    }

    private static LogSource source(LogType type) {
        return switch (type) {
            case API_REQUEST -> LogSource.API;
            case USER_ACTION -> LogSource.CLIENT;
            default -> LogSource.SERVER;
        };
    }

    private static String message(LogType type, RandomGenerator random) {
        return switch (type) {
            case API_REQUEST -> pick(API_PATHS, random) + " " + (random.nextDouble() < 0.97 ? 200 : 500)
                    + " " + (5 + (int) Math.abs(random.nextGaussian() * 80)) + "ms";
            case USER_ACTION -> "用户 U" + (100000 + random.nextInt(3000)) + " " + pick(ACTIONS, random);
            default -> pick(ERRORS, random);
        };
    }

    private static String pick(List<String> choices, RandomGenerator random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
