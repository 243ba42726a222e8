package io.keliu.ingest.imports;

import io.keliu.contracts.v1.Role;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

@KeliuIntegrationTest
class ImportApiTest {
    private static final String OPS = GatewayTokens.bearer(Role.OPS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void importsGoodLinesReportsBadOnesAndImportsNothingTwice() throws Exception {
        String csv = """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount,shipping_address,order_type,channel,status,cancelled,remark
                A1,u1,2024-05-01 10:00:00,2024-05-01 10:05:00,P1,2,59.80,浙江省杭州市西湖区文三路1号,网络,微信,已完成,否,
                A1,u1,2024-05-01 10:00:00,2024-05-01 10:05:00,P2,1,9.90,浙江省杭州市西湖区文三路1号,网络,微信,已完成,否,
                A2,,2024-05-02T11:00:00+08:00,,P3,1,5,,自提,PC,待付款,false,anonymous
                A3,u2,2024-05-03,,P1,-1,-29.90,,电话,APP,已退款,false,refund
                A4,u3,2024-05-03,,P1,-1,-29.90,,电话,APP,已完成,false,wrong sign
                A5,u3,not-a-date,,P1,1,1,,,,,,
                A6,u3,2024-05-03,,P1,1
                """;
        JsonNode first = post("orders", csv);
        assertThat(first.get("accepted").asLong()).isEqualTo(4);
        assertThat(first.get("rejected").asLong()).isEqualTo(3);
        assertThat(first.get("duplicates").asLong()).isZero();
        assertThat(first.get("errors").toString())
                .contains("\"line\":6", "\"field\":\"quantity\"", "\"field\":\"amount\"")
                .contains("\"line\":7", "\"field\":\"created_at\"")
                .contains("\"line\":8", "has 6 fields but the header has 13");
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines where order_id like 'A_'", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select province || city from ingest.order_lines where order_id='A1' limit 1",
                String.class)).isEqualTo("浙江省杭州市");
        assertThat(jdbc.queryForObject("select anonymous from ingest.order_lines where order_id='A2'",
                Boolean.class)).isTrue();

        JsonNode summary = get("/api/v1/ingest/summary");
        assertThat(summary.get("orders").get("lines").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(summary.get("orders").get("anonymousLines").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("deadLetters").get("rows").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode status = get("/api/v1/ingest/status");
        assertThat(status.get("recordsPerSecond").get("orders").asDouble()).as(status.toString()).isPositive();
        assertThat(status.get("windowSeconds").asDouble()).isPositive();
        assertThat(status.get("lag").propertyNames()).contains("orders", "profiles", "logs");
        status.get("lag").forEach(waiting -> assertThat(waiting.asLong()).isNotNegative());

        try (HttpClient client = HttpClient.newHttpClient()) {
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/prometheus")).header("Authorization", GatewayTokens.bearer(Role.METRICS)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("keliu_ingest_records_total{kind=\"orders\",outcome=\"accepted\"",
                    "keliu_ingest_records_total{kind=\"orders\",outcome=\"rejected\"", "keliu_import_lines_total");
        }

        JsonNode order = get("/api/v1/ingest/orders/A1");
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("69.70");

        JsonNode again = post("orders", csv);
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(4);
        assertThat(again.get("rejected").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines where order_id like 'A_'", Long.class)).isEqualTo(4);
    }

    @Test
    void badBytesHugeLinesAndBrokenQuotingAreRejectedByPhysicalLine() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ORDER_HEADER.getBytes(UTF_8));
        file.writeBytes(line("B1", "first line is fine"));
        file.writeBytes("B2,u1,2024-05-01,,P1,1,9.9,,,,,,caf\u00e9 in latin-1: caf".getBytes(UTF_8));
        file.write(0xE9);
        file.writeBytes("\n".getBytes(UTF_8));
        file.writeBytes(("B3,u1,2024-05-01,,P1,1,9.9,,,,,,\"" + "x".repeat(10 << 20) + "\"\n").getBytes(UTF_8));
        file.writeBytes("B4,u1,2024-05-01,,P1,1,9.9,,,,,,\"a remark\nover two lines\"\n".getBytes(UTF_8));
        file.writeBytes("\n".getBytes(UTF_8));
        file.writeBytes(line("B5", "after a blank line"));
        file.writeBytes("B6,u1,2024-05-01,,P1,1,9.9,,,,,,\"a quote never closed".getBytes(UTF_8));

        JsonNode summary = post("orders", "text/csv", file.toByteArray());
        assertThat(summary.get("accepted").asLong()).as(summary.toString()).isEqualTo(3);
        assertThat(summary.get("rejected").asLong()).isEqualTo(3);
        assertThat(errorAt(summary, 9)).contains("unclosed quote opened at line 9");
        assertThat(errorAt(summary, 3)).contains("not valid UTF-8", "?charset=GBK");
        assertThat(errorAt(summary, 4)).contains("bytes long; a record may be at most 1048576 bytes");
        assertThat(jdbc.queryForObject("select remark from ingest.order_lines where order_id = 'B4'",
                String.class)).isEqualTo("a remark\nover two lines");
        JsonNode rejected = get("/api/v1/ingest/dead-letters?source=import%20" + summary.get("importId").asString());
        assertThat(rejected).extracting(letter -> letter.get("line").asLong()).containsExactly(9L, 4L, 3L);
        assertThat(rejected.get(1).get("payload").asString()).hasSize(64 * 1024);
    }

    @Test
    void aQuoteLeftOpenRejectsItsOwnLineOnly() throws Exception {
        StringBuilder csv = new StringBuilder(ORDER_HEADER);
        csv.append("Q1,u1,2024-05-01,,P1,1,9.9,,,,,,fine\n");
        csv.append("Q2,u1,2024-05-01,,P1,1,9.9,,,,,,\"a remark whose quote is never closed\n");
        for (int i = 3; i <= 152; i++) {
            csv.append("Q").append(i).append(",u1,2024-05-01,,P1,1,9.9,,,,,,line ").append(i).append('\n');
        }
        csv.append("Q153,u1,2024-05-01,,P1,1,9.9,,,,,,\"quoted\"\n");
        JsonNode summary = post("orders", csv.toString());
        assertThat(summary.get("rejected").asLong()).as(summary.toString()).isEqualTo(1);
        assertThat(summary.get("accepted").asLong()).isEqualTo(152);
        assertThat(errorAt(summary, 3)).contains("unclosed quote opened at line 3");
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines where order_id like 'Q%'",
                Long.class)).isEqualTo(152);
    }

    @Test
    void readsGbkWhenToldSo() throws Exception {
        byte[] gbk = (ORDER_HEADER + "G1,u9,2024-05-01,,P1,1,9.9,北京市海淀区,,微信,已完成,,中文备注\n")
                .getBytes(Charset.forName("GBK"));
        assertThat(post("orders?charset=GBK", "text/csv", gbk).get("accepted").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select channel || remark from ingest.order_lines where order_id = 'G1'",
                String.class)).isEqualTo("WECHAT中文备注");
    }

    @Test
    void ndjsonRecordsWithBrokenJsonAreRejectedOneByOne() throws Exception {
        String ndjson = """
                {"log_id":"N1","log_type":"API请求","level":"INFO","message":"ok","logged_at":"2024-05-01 10:00:00","source":"API接口"}
                {"log_id":"N2","level":"ERROR","message":"broken"
                {"log_id":"N3","log_type":"系统错误","level":"ERROR","message":"disk full","logged_at":"2024-05-01T10:01:00Z","source":"服务器"}
                ["not", "an object"]
                """;
        JsonNode summary = post("logs", "application/x-ndjson", ndjson.getBytes(UTF_8));
        assertThat(summary.get("accepted").asLong()).isEqualTo(2);
        assertThat(summary.get("rejected").asLong()).isEqualTo(2);
        assertThat(errorAt(summary, 2)).contains("not valid JSON");
        assertThat(errorAt(summary, 4)).contains("not a JSON object");
        assertThat(post("logs", "application/x-ndjson", ndjson.getBytes(UTF_8)).get("duplicates").asLong())
                .isEqualTo(2);
    }

    @Test
    void profilesWithChineseHeaders() throws Exception {
        String csv = "用户ID,注册日期,激活日期,最后登录日期,年龄,性别,婚姻状态,职业,城市,省份,行业\n"
                + "P-1,2023-01-01,2023-01-02,2024-05-01,28,男,未婚,工程师,杭州市,浙江,互联网\n"
                + "P-2,2023-01-01,,,-3,?,,,,,\n";
        JsonNode summary = post("profiles", "text/csv", csv.getBytes(UTF_8));
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(summary.get("errors").toString()).contains("\"field\":\"age\"", "\"field\":\"gender\"");
        assertThat(jdbc.queryForObject("select province from ingest.profiles where user_id = 'P-1'", String.class))
                .isEqualTo("浙江省");
    }

    @Test
    void aFileThatCannotBeImportedIsRefusedWithTheReason() throws Exception {
        assertThat(refusal("orders", "")).contains("the file is empty");
        assertThat(refusal("orders", "order_id,user_id,amount\nA,b,1\n"))
                .contains("the header has no column created_at, product_id, quantity");
        assertThat(refusal("invoices", "a\n")).contains("there is no import of 'invoices'");
    }

    @Test
    void onlyTheGatewaysTokensWithAnImportRoleMayImport() throws Exception {
        String csv = ORDER_HEADER + "S1,u1,2024-05-01,,P1,1,9.9,,,,,,\n";
        for (String forged : new String[]{GatewayTokens.signedByAnotherKey(Role.ADMIN),
                GatewayTokens.unsigned(Role.ADMIN), GatewayTokens.expired(Role.ADMIN)}) {
            assertThat(status("orders", "Bearer " + forged, csv)).isEqualTo(401);
        }
        assertThat(status("orders", null, csv)).isEqualTo(401);
        assertThat(status("orders", GatewayTokens.bearer(Role.MARKETER), csv)).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines where order_id = 'S1'", Long.class))
                .isZero();
        assertThat(status("orders", GatewayTokens.bearer(Role.INTEGRATOR), csv)).isEqualTo(200);
    }

    @Test
    void documentsItsApiForTheGatewayToMerge() throws Exception {
        JsonNode document = get("/v3/api-docs");
        assertThat(document.get("paths").has("/api/v1/imports/{kind}")).as(document.toString()).isTrue();
        assertThat(document.get("paths").has("/api/v1/ingest/summary")).isTrue();
    }

    private int status(String kind, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(kind)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void streamsALargeFileAndCountsEveryLineOnce() throws Exception {
        int lines = 200_000;
        Supplier<InputStream> generated = () -> new SequenceInputStream(
                new ByteArrayInputStream(ORDER_HEADER.getBytes(UTF_8)), new GeneratedOrders(lines));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("orders"))
                    .header("Content-Type", "text/csv").header("Authorization", OPS)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(generated)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode summary = json.readTree(response.body());
            assertThat(summary.get("accepted").asLong() + summary.get("rejected").asLong()
                    + summary.get("duplicates").asLong()).isEqualTo(lines);
            assertThat(summary.get("rejected").asLong()).isEqualTo(lines / GeneratedOrders.BAD_EVERY);
        }
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines where order_id like 'L%'",
                Long.class)).isEqualTo(lines - lines / GeneratedOrders.BAD_EVERY);
    }

    private static final String ORDER_HEADER = "order_id,user_id,created_at,paid_at,product_id,quantity,amount,"
            + "shipping_address,order_type,channel,status,cancelled,remark\n";

    private static byte[] line(String orderId, String remark) {
        return (orderId + ",u1,2024-05-01,,P1,1,9.9,,,,,," + remark + "\n").getBytes(UTF_8);
    }

    private static String errorAt(JsonNode summary, long line) {
        StringBuilder reasons = new StringBuilder();
        for (JsonNode error : summary.get("errors")) {
            if (error.get("line").asLong() == line) {
                reasons.append(error.get("reason").asString());
            }
        }
        assertThat(reasons).as("an error on line " + line + " in " + summary.get("errors")).isNotEmpty();
        return reasons.toString();
    }

    private String refusal(String kind, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(kind))
                    .header("Content-Type", "text/csv").header("Authorization", OPS)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            return json.readTree(response.body()).get("detail").asString();
        }
    }

    private JsonNode get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).header("Authorization", OPS).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    private URI uri(String kindAndQuery) {
        return URI.create("http://localhost:" + port + "/api/v1/imports/" + kindAndQuery);
    }

    private JsonNode post(String kind, String body) throws Exception {
        return post(kind, "text/csv", body.getBytes(UTF_8));
    }

    private JsonNode post(String kind, String contentType, byte[] body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(kind))
                    .header("Content-Type", contentType).header("Authorization", OPS)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    /** Order lines made on the fly, so the test never holds the file; every 1000th line has a bad quantity. */
    private static final class GeneratedOrders extends InputStream {
        static final int BAD_EVERY = 1000;
        private final int lines;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        GeneratedOrders(int lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            if (position == current.length && !advance()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == current.length && !advance()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean advance() {
            if (next == lines) {
                return false;
            }
            int i = next++;
            String quantity = i % BAD_EVERY == BAD_EVERY - 1 ? "lots" : String.valueOf(1 + i % 5);
            current = ("L" + i / 3 + ",u" + i % 5000 + ",2024-05-01 10:00:00,,P" + i % 3 + "," + quantity + ","
                    + (i % 97) + ".50,广东省广州市天河区,网络,APP,已完成,false,\n").getBytes(UTF_8);
            position = 0;
            return true;
        }
    }
}
