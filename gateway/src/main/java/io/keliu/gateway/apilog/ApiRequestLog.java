package io.keliu.gateway.apilog;

import io.keliu.contracts.v1.Topics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The platform watches its own API: one record per API request on {@code keliu.raw.logs} (log_type API, source
 * gateway), with method, path, route, status, latency and the caller's user name or key id. Never a query string, a
 * header or a body: those may hold secrets. Sampled above {@value #LOGGED_PER_SECOND} requests/s
 * ({@link ApiLogSampler}). Records are built and sent off the request thread, and dropped, not queued without end,
 * when Kafka cannot keep up.
 */
public class ApiRequestLog extends OncePerRequestFilter {
    /** Request attribute with the authenticated caller's name, set once authentication is done. */
    public static final String CALLER = ApiRequestLog.class.getName() + ".caller";
    static final int LOGGED_PER_SECOND = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ApiRequestLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;
    private final Clock clock;
    private final ApiLogSampler sampler = new ApiLogSampler(LOGGED_PER_SECOND);
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), Thread.ofVirtual().name("api-log").factory(),
            new ThreadPoolExecutor.DiscardPolicy());

    public ApiRequestLog(KafkaTemplate<String, String> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Instant now = clock.instant();
            int weight = sampler.weight(now.getEpochSecond());
            if (weight > 0) {
                Entry entry = new Entry(request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1e6, request.getAttribute(CALLER), now, weight);
                sender.execute(() -> send(entry));
            }
        }
    }

    private void send(Entry entry) {
        try {
            kafka.send(Topics.RAW_LOGS, entry.json());
        } catch (RuntimeException e) {
            LOG.debug("API log record not sent: {}", e.toString());
        }
    }

    /**
     * What a record needs from its request, taken on the request thread; the record is built on the sender's, so a
     * request's answer does not wait for it.
     */
    record Entry(String method, String path, int status, double latencyMillis, Object caller, Instant at,
                 int weight) {
        String json() {
            Map<String, Object> line = new LinkedHashMap<>();
            // a log line's id needs to be unique, not unguessable: no SecureRandom (UUID.randomUUID) per record
            ThreadLocalRandom random = ThreadLocalRandom.current();
            line.put("log_id", new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48)).toString());
            line.put("log_type", "API");
            line.put("level", status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO");
            // concatenated: java.util.Formatter was most of the cost of a record
            line.put("message", method + " " + path + " status=" + status + " latency_ms="
                    + Math.round(latencyMillis * 10) / 10.0 + " route=" + route(path) + " caller="
                    + (caller == null ? "anonymous" : caller) + " sample=" + weight);
            line.put("logged_at", at.toString());
            line.put("source", "gateway");
            return JSON.writeValueAsString(line);
        }
    }

    /** {@code /api/v1/ingest/orders/A1} → {@code ingest}: the first segment after the version. */
    static String route(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 ? segments[3] : path;
    }
}
