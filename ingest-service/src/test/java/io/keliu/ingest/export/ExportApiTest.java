package io.keliu.ingest.export;

import io.keliu.analytics.baskets.Baskets;
import io.keliu.analytics.baskets.RuleMiner;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.OrdersCsv;
import io.keliu.analytics.rfm.RfmAnalysis;
import io.keliu.analytics.rfm.RfmScore;
import io.keliu.analytics.rfm.RfmWeights;
import io.keliu.contracts.v1.Role;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Export, then analytics, gives what analytics gives on the file that was imported: the messy example (bad rows,
 * refunds, a cancellation after payment, an anonymous order, a multi-line remark) through the real database, read back
 * in pages of 7 so that the keyset paging is crossed many times.
 */
@KeliuIntegrationTest
@TestPropertySource(properties = "keliu.ingest.export.page-size=7")
class ExportApiTest {
    private static final Path MESSY = Path.of("..", "examples", "orders-messy.csv");
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @LocalServerPort
    int port;

    @Test
    void analyticsOnTheExportEqualsAnalyticsOnTheImportedFile() throws Exception {
        String original = Files.readString(MESSY);
        HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/api/v1/imports/orders"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(original)).build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<String> export = send(HttpRequest.newBuilder(
                uri("/api/v1/ingest/export/orders?from=2024-12-01&to=2025-12-31")).build());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        OrdersCsv.Result fromFile = OrdersCsv.standard().parse(original, "orders-messy.csv");
        OrdersCsv.Result fromPlatform = OrdersCsv.standard().parse(export.body(), "export.csv");
        assertThat(fromPlatform.rejections().rejected()).isZero();
        assertThat(fromPlatform.lines()).hasSize(fromFile.lines().size());
        assertThat(fromFile.rejections().rejected()).isPositive();

        List<CustomerSummary> expected = summaries(fromFile);
        List<CustomerSummary> actual = summaries(fromPlatform);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            CustomerSummary e = expected.get(i);
            CustomerSummary a = actual.get(i);
            assertThat(a).usingRecursiveComparison().ignoringFields("monetaryValue", "meanRepeatSpend").isEqualTo(e);
            assertThat(a.monetaryValue()).isCloseTo(e.monetaryValue(), within(1e-9));
            assertThat(a.meanRepeatSpend()).isCloseTo(e.meanRepeatSpend(), within(1e-9));
        }
        assertThat(rfm(actual)).isEqualTo(rfm(expected));
        RuleMiner rules = RuleMiner.of(0.05, 0.3);
        assertThat(rules.mine(Baskets.fromOrders(fromPlatform.lines())))
                .isEqualTo(rules.mine(Baskets.fromOrders(fromFile.lines())));

        HttpResponse<String> reimported = send(HttpRequest.newBuilder(uri("/api/v1/imports/orders"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(export.body())).build());
        assertThat(reimported.body()).as("the export imported again changes nothing")
                .contains("\"accepted\":0,").contains("\"rejected\":0,")
                .contains("\"duplicates\":" + fromPlatform.lines().size() + ",");
    }

    @Test
    void selectsByDayAndRefusesWhatItCannotExport() throws Exception {
        String csv = """
                order_id,user_id,created_at,product_id,quantity,amount,remark
                D1,u1,2024-03-01 23:30:00,p1,1,10,"comma, and ""quote""\"
                D2,u1,2024-03-02 00:30:00,p1,1,10,
                """;
        send(HttpRequest.newBuilder(uri("/api/v1/imports/orders")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());

        String day = send(HttpRequest.newBuilder(uri("/api/v1/ingest/export/orders?from=2024-03-01&to=2024-03-01"))
                .build()).body();
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/v1/ingest/export/invoices")).build());
        HttpResponse<String> badDay = send(HttpRequest.newBuilder(uri("/api/v1/ingest/export/orders?from=1.3.2024"))
                .build());

        assertThat(day.lines().toList()).hasSize(2);
        assertThat(day).contains("D1,u1,2024-03-01T23:30:00+08:00,").contains("\"comma, and \"\"quote\"\"\"");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no export of 'invoices'");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badDay.body()).contains("from is not a date");
    }

    private static List<CustomerSummary> summaries(OrdersCsv.Result read) {
        return CustomerSummaries.fromOrderLines(read.lines(), OrdersCsv.SHOP_ZONE, AS_OF);
    }

    private static List<String> rfm(List<CustomerSummary> customers) {
        return RfmAnalysis.score(customers, new RfmWeights(0.3, 0.3, 0.4)).stream()
                .map(RfmScore::toString).toList();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sends as the gateway forwards an OPS user's request. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", GatewayTokens.bearer(Role.OPS)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
        }
    }
}
