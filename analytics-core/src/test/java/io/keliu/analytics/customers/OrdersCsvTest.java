package io.keliu.analytics.customers;

import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.io.Rejections;
import io.keliu.contracts.v1.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders files are read by the import's rules: bad rows are skipped and reported with line, field and reason. */
class OrdersCsvTest {

    private static final String HEADER = "order_id,user_id,created_at,paid_at,product_id,quantity,amount,"
            + "shipping_address,order_type,channel,status,cancelled,remark\n";

    @TempDir
    Path folder;

    @Test
    void skipsBadRowsAndReportsEachFault() {
        OrdersCsv.Result read = OrdersCsv.standard().parse(HEADER + """
                1,u1,2024-12-01 08:26:00,,p1,6,15.30,,网络,微信,已完成,否,
                2,u1,2024-12-01 08:26:00,,p2,-3,-54.00,,网络,APP,已完成,false,negative on a sale
                3,u2,2024/12/01 09:50,,p3,2,¥1,299.00,,电话,手机端,待发货,否,unquoted comma
                4,u2,2024-12-01 10:00,,p4,1,"¥1,299.00",,电话,手机端,待发货,否,
                5,u3,yesterday,,p5,1,10,,网络,carrier pigeon,已完成,否,
                6,u3,2024-12-01 10:05
                """, "orders.csv");

        assertThat(read.lines()).extracting(line -> line.orderId()).containsExactly("1", "4");
        assertThat(read.lines().get(1).amount()).isEqualByComparingTo(new BigDecimal("1299.00"));
        Rejections rejections = read.rejections();
        assertThat(rejections.rejected()).isEqualTo(4);
        assertThat(rejections.errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "quantity"), org.assertj.core.groups.Tuple.tuple(3L, "amount"),
                org.assertj.core.groups.Tuple.tuple(4L, null), org.assertj.core.groups.Tuple.tuple(6L, "created_at"),
                org.assertj.core.groups.Tuple.tuple(6L, "channel"), org.assertj.core.groups.Tuple.tuple(7L, null));
        assertThat(rejections.errors().get(2).reason()).startsWith("has 14 fields but the header has 13");
        assertThat(rejections.errors().get(5).reason())
                .isEqualTo("has 3 fields but the header has 13; is the line cut short?");
    }

    @Test
    void aQuoteNeverClosedRejectsOnlyTheLineItOpenedOn() {
        OrdersCsv.Result read = OrdersCsv.standard().parse(HEADER + """
                1,u1,2024-12-01 08:26:00,,p1,6,15.30,,,,,,"two
                lines"
                2,u1,2024-12-01 08:26:00,,p1,6,15.30,,,,,,"open
                3,u1,2024-12-01 08:26:00,,p1,6,15.30,,,,,,
                """, "orders.csv");

        assertThat(read.lines()).extracting(line -> line.orderId()).containsExactly("1", "3");
        assertThat(read.rejections().errors()).singleElement()
                .satisfies(error -> assertThat(error.line()).isEqualTo(4))
                .satisfies(error -> assertThat(error.reason()).startsWith("has an unclosed quote opened at line 4"));
    }

    @Test
    void everyRowOfAFileIsALineAndALineNoMakesVersions() {
        OrdersCsv.Result read = OrdersCsv.standard().parse("""
                order_id,user_id,created_at,product_id,quantity,amount,line_no
                1,u1,2024-12-01,p1,1,10,
                1,u1,2024-12-01,p1,x,10,
                1,u1,2024-12-01,p1,3,30,
                1,u1,2024-12-01,p2,1,5,7
                1,u1,2024-12-01,p2,1,6,7
                """, "orders.csv");

        assertThat(read.lines()).extracting(line -> line.lineKey()).containsExactly("p1", "p1#3", "7", "7");
        assertThat(OrderNetting.latestVersions(read.lines())).extracting(line -> line.amount().intValue())
                .as("line 7 twice: the later of two equal versions counts").containsExactly(10, 30, 6);
    }

    @Test
    void headerWordsAreMatchedAsTheImportMatchesThem() {
        OrdersCsv.Result read = OrdersCsv.standard().parse("""
                订单ID,用户ID,创建时间,商品ID,Quantity,line-total,extra
                1,u1,2024-12-01,p1,1,10,x
                """, "orders.csv");

        assertThat(read.lines()).hasSize(1);
        assertThat(read.ignoredColumns()).containsExactly("extra");
        assertThatThrownBy(() -> OrdersCsv.standard().parse("order_id,user_id\n1,u\n", "o.csv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("the header has no column created_at, product_id, quantity, amount");
    }

    @Test
    void listsAtMostAThousandFaultsAndCountsTheRest() {
        String rows = "x,u,2024-12-01,p,0,1\n".repeat(1_200);

        Rejections rejections = OrdersCsv.standard().parse("order_id,user_id,created_at,product_id,quantity,amount\n"
                + rows, "o.csv").rejections();

        assertThat(rejections.rejected()).isEqualTo(1_200);
        assertThat(rejections.errors()).hasSize(Rejections.MAX_ERRORS);
        assertThat(rejections.errorsOmitted()).isEqualTo(200);
    }

    @Test
    void readsGbkWhenToldAndNamesTheLineWhenNot() throws IOException {
        Path file = folder.resolve("gbk.csv");
        Files.write(file, (HEADER + "1,u1,2024-12-01 08:26:00,,p1,1,15.30,浙江省杭州市,网络,微信,已完成,否,\n")
                .getBytes(Charset.forName("GBK")));

        OrdersCsv.Result gbk = OrdersCsv.standard().read(file, Charset.forName("GBK"));
        OrdersCsv.Result utf8 = OrdersCsv.standard().read(file, StandardCharsets.UTF_8);

        assertThat(gbk.lines()).singleElement().satisfies(line ->
                assertThat(line.shippingAddress()).isEqualTo("浙江省杭州市"));
        assertThat(utf8.lines()).isEmpty();
        assertThat(utf8.rejections().errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.reason()).isEqualTo("is not valid UTF-8; try --charset GBK");
        });
    }
}
