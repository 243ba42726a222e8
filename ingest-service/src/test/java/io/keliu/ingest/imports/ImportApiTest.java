package io.keliu.ingest.imports;

import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@KeliuIntegrationTest
class ImportApiTest {
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
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select province || city from ingest.order_lines where order_id='A1' limit 1",
                String.class)).isEqualTo("浙江省杭州市");
        assertThat(jdbc.queryForObject("select anonymous from ingest.order_lines where order_id='A2'",
                Boolean.class)).isTrue();

        JsonNode again = post("orders", csv);
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(4);
        assertThat(again.get("rejected").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines", Long.class)).isEqualTo(4);
    }

    private JsonNode post(String kind, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/imports/" + kind))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }
}
