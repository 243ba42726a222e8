package io.keliu.orderanalytics.scheduled;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Renders a stored report (its JSON) as an XHTML page in Chinese with English beside it; the same page is the
 * source of the PDF, so it is well-formed XML and names the CJK font family {@link PdfReport#FONT_FAMILY}.
 */
public final class HtmlReport {
    private static final List<String[]> KPIS = List.of(
            new String[]{"orders", "订单数", "Orders", "count"},
            new String[]{"netRevenue", "净收入", "Net revenue", "money"},
            new String[]{"grossRevenue", "销售额", "Gross revenue", "money"},
            new String[]{"refunds", "退款额", "Refunds", "money"},
            new String[]{"averageOrderValue", "客单价", "Average order value", "money"},
            new String[]{"cancelledOrders", "取消订单", "Cancelled orders", "count"},
            new String[]{"cancellationRate", "取消率", "Cancellation rate", "rate"},
            new String[]{"refundedOrders", "退款订单", "Refunded orders", "count"},
            new String[]{"refundRate", "退款率", "Refund rate", "rate"},
            new String[]{"paymentLatencyP50Seconds", "支付时长中位数（秒）", "Median payment time (s)", "seconds"});

    private HtmlReport() {
    }

    public static String render(JsonNode report) {
        StringBuilder html = new StringBuilder(8192);
        ZoneId zone = ZoneId.of(report.path("zone").asString("Asia/Shanghai"));
        LocalDate first = LocalDate.ofInstant(Instant.parse(report.path("from").asString()), zone);
        LocalDate last = LocalDate.ofInstant(Instant.parse(report.path("to").asString()).minusNanos(1), zone);
        String title = title(report.path("kind").asString()) + " " + first + (last.equals(first) ? "" : " – " + last);
        html.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>").append(escape(title)).append("</title><style>")
                .append("body{font-family:'").append(PdfReport.FONT_FAMILY).append("',sans-serif;font-size:11px;}")
                .append("h1{font-size:20px;}h2{font-size:14px;margin-top:16px;}")
                .append("table{border-collapse:collapse;width:100%;}td,th{border:1px solid #ccc;padding:3px 6px;}")
                .append("th{background:#f0f0f0;text-align:left;}td.n{text-align:right;}")
                .append("</style></head><body>");
        html.append("<h1>").append(escape(title)).append("</h1><p>时区 Zone: ")
                .append(escape(report.path("zone").asString())).append("；生成于 Created ")
                .append(escape(report.path("createdAt").asString())).append("</p>");
        kpis(html, report.path("kpis"));
        topProducts(html, report.path("topProducts"));
        channels(html, report.path("channels"));
        funnel(html, report.path("funnel"));
        logs(html, report.path("logs"));
        return html.append("</body></html>").toString();
    }

    private static void kpis(StringBuilder html, JsonNode kpis) {
        html.append("<h2>核心指标 KPIs</h2><table><tr><th>指标 Measure</th><th>本期 Current</th><th>上期 Previous</th>")
                .append("<th>环比 vs previous</th><th>去年同期 Last year</th><th>同比 vs last year</th></tr>");
        for (String[] kpi : KPIS) {
            html.append("<tr><td>").append(kpi[1]).append(' ').append(kpi[2]).append("</td>");
            cell(html, kpis.path("current").path(kpi[0]), kpi[3]);
            cell(html, kpis.path("previous").path(kpi[0]), kpi[3]);
            cell(html, kpis.path("vsPrevious").path(kpi[0]), "change");
            cell(html, kpis.path("lastYear").path(kpi[0]), kpi[3]);
            cell(html, kpis.path("vsLastYear").path(kpi[0]), "change");
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void topProducts(StringBuilder html, JsonNode products) {
        html.append("<h2>热销商品 Top products</h2><table><tr><th>商品 Product</th><th>订单 Orders</th>")
                .append("<th>件数 Units</th><th>净收入 Net revenue</th></tr>");
        for (JsonNode product : products) {
            html.append("<tr><td>").append(escape(product.path("productId").asString())).append("</td>");
            cell(html, product.path("orders"), "count");
            cell(html, product.path("units"), "count");
            cell(html, product.path("netRevenue"), "money");
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void channels(StringBuilder html, JsonNode channels) {
        html.append("<h2>渠道 Channels</h2><table><tr><th>渠道 Channel</th><th>订单 Orders</th>")
                .append("<th>净收入 Net revenue</th><th>占比 Share</th></tr>");
        for (JsonNode channel : channels) {
            html.append("<tr><td>").append(escape(channel.path("channel").asString())).append("</td>");
            cell(html, channel.path("orders"), "count");
            cell(html, channel.path("netRevenue"), "money");
            cell(html, channel.path("shareOfNetRevenue"), "rate");
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void funnel(StringBuilder html, JsonNode funnel) {
        html.append("<h2>转化漏斗 Funnel</h2><table><tr><th>环节 Step</th><th>订单 Orders</th>")
                .append("<th>流失 Drop-off</th><th>流失率 Drop-off rate</th><th>中位用时（秒）Median (s)</th></tr>");
        for (JsonNode group : funnel.path("groups")) {
            for (JsonNode step : group.path("steps")) {
                html.append("<tr><td>").append(escape(step.path("step").asString())).append("</td>");
                cell(html, step.path("orders"), "count");
                cell(html, step.path("dropOff"), "count");
                cell(html, step.path("dropOffRate"), "rate");
                cell(html, step.path("medianSeconds"), "seconds");
                html.append("</tr>");
            }
        }
        html.append("</table>");
    }

    private static void logs(StringBuilder html, JsonNode logs) {
        html.append("<h2>系统日志健康 Log health</h2><p>日志 Lines ").append(number(logs.path("lines"), "count"))
                .append("，错误 Errors ").append(number(logs.path("errors"), "count"))
                .append("，警告 Warnings ").append(number(logs.path("warnings"), "count"))
                .append("，错误率 Error rate ").append(number(logs.path("errorRate"), "rate")).append("</p>")
                .append("<table><tr><th>错误模板 Error template</th><th>来源 Source</th><th>次数 Lines</th></tr>");
        for (JsonNode error : logs.path("topErrors")) {
            html.append("<tr><td>").append(escape(error.path("template").asString())).append("</td><td>")
                    .append(escape(error.path("source").asString())).append("</td>");
            cell(html, error.path("lines"), "count");
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void cell(StringBuilder html, JsonNode value, String format) {
        html.append("<td class=\"n\">").append(number(value, format)).append("</td>");
    }

    private static String number(JsonNode value, String format) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "–";
        }
        double n = value.asDouble();
        return switch (format) {
            case "money" -> String.format(Locale.ROOT, "¥%,.2f", n);
            case "rate" -> String.format(Locale.ROOT, "%.1f%%", n * 100);
            case "change" -> String.format(Locale.ROOT, "%+.1f%%", n * 100);
            case "seconds" -> String.format(Locale.ROOT, "%.0f", n);
            default -> String.format(Locale.ROOT, "%,d", value.asLong());
        };
    }

    private static String title(String kind) {
        return switch (kind) {
            case "daily" -> "经营日报 Daily report";
            case "weekly" -> "经营周报 Weekly report";
            default -> "经营报表 Report";
        };
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
