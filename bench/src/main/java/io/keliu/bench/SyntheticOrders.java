package io.keliu.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic order lines for the benchmarks: 1–3 lines per order, realistic field values and sizes (about 330
 * bytes of JSON per line), every line a new row.
 */
final class SyntheticOrders {
    private static final String[] CHANNELS = {"PC", "手机端", "微信", "APP"};
    private static final String[] TYPES = {"网络", "电话", "自提"};
    private static final String[] STATUSES = {"待付款", "待发货", "已完成", "已完成", "已完成"};
    private static final String[] ADDRESSES = {"浙江省杭州市西湖区文三路 90 号", "广东省深圳市南山区科技园南区 8 栋",
            "北京市朝阳区建国路 88 号", "四川省成都市武侯区天府大道 1 号", "江苏省南京市鼓楼区中山路 321 号"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private final String prefix;

    SyntheticOrders(String prefix) {
        this.prefix = prefix;
    }

    static final String CSV_HEADER = "order_id,user_id,created_at,paid_at,product_id,quantity,amount,"
            + "shipping_address,order_type,channel,status,cancelled,remark,unit_price,category";

    String orderId(long line) {
        return prefix + (line / 2);
    }

    /** The key of the line's change event: order id / line key (the product, as the lines give no line_no). */
    String eventKey(long line) {
        return orderId(line) + "/" + new Fields(line).product;
    }

    String json(long line) {
        Fields f = new Fields(line);
        return "{\"order_id\":\"" + orderId(line) + "\",\"user_id\":\"" + f.user + "\",\"created_at\":\"" + f.created
                + "\",\"paid_at\":\"" + f.paid + "\",\"product_id\":\"" + f.product + "\",\"quantity\":" + f.quantity
                + ",\"amount\":\"" + f.amount + "\",\"shipping_address\":\"" + f.address + "\",\"order_type\":\""
                + f.type + "\",\"channel\":\"" + f.channel + "\",\"status\":\"" + f.status
                + "\",\"cancelled\":false,\"remark\":\"\",\"unit_price\":\"" + f.unitPrice + "\",\"category\":\""
                + f.category + "\"}";
    }

    String csv(long line) {
        Fields f = new Fields(line);
        return orderId(line) + "," + f.user + "," + f.created + "," + f.paid + "," + f.product + "," + f.quantity + ","
                + f.amount + "," + f.address + "," + f.type + "," + f.channel + "," + f.status + ",false,,"
                + f.unitPrice + "," + f.category;
    }

    /** Two lines per order: the second line of an order has another product. */
    private static final class Fields {
        final String user;
        final String created;
        final String paid;
        final String product;
        final int quantity;
        final String unitPrice;
        final String amount;
        final String address;
        final String type;
        final String channel;
        final String status;
        final String category;

        Fields(long line) {
            long order = line / 2;
            long mix = order * 2654435761L;
            user = "U" + Math.floorMod(mix, 200_000);
            long createdAt = START + Math.floorMod(order * 37L, 300L * 86_400);
            created = LOCAL.format(Instant.ofEpochSecond(createdAt));
            paid = LOCAL.format(Instant.ofEpochSecond(createdAt + 120));
            product = "SKU-" + Math.floorMod(mix >>> 7, 5_000) + (line % 2 == 0 ? "" : "-B");
            quantity = 1 + (int) Math.floorMod(mix >>> 3, 4L);
            int cents = 990 + (int) Math.floorMod(mix >>> 11, 20_000L);
            unitPrice = cents / 100 + "." + String.format("%02d", cents % 100);
            long total = (long) cents * quantity;
            amount = total / 100 + "." + String.format("%02d", total % 100);
            address = ADDRESSES[(int) Math.floorMod(mix >>> 5, (long) ADDRESSES.length)];
            type = TYPES[(int) Math.floorMod(order, (long) TYPES.length)];
            channel = CHANNELS[(int) Math.floorMod(mix >>> 9, (long) CHANNELS.length)];
            status = STATUSES[(int) Math.floorMod(order, (long) STATUSES.length)];
            category = "类目" + Math.floorMod(mix >>> 13, 40L);
        }
    }
}
