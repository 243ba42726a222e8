package io.keliu.local.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Catches what the local stack's notify-service sends, so that a trial needs no mail account and no WeCom group: a
 * real SMTP server (GreenMail) and a page listing the mails and WeCom robot messages caught. The page's server also
 * stands in for WeCom's robot webhook ({@code POST /cgi-bin/webhook/send?key=…}), answering as WeCom does.
 * <ul>
 *   <li>{@code GET /} the page (refreshes itself)</li>
 *   <li>{@code GET /api/mails}, {@code GET /api/mails/{n}} the mails as JSON, one mail's HTML</li>
 *   <li>{@code GET /api/wecom} the robot messages as JSON</li>
 * </ul>
 */
public final class LocalMailCatcher implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GreenMail smtp;
    private final HttpServer web;
    private final List<Map<String, Object>> robotMessages = new CopyOnWriteArrayList<>();

    private LocalMailCatcher(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    public static LocalMailCatcher start(int smtpPort, int webPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress("localhost", webPort), 0);
            LocalMailCatcher catcher = new LocalMailCatcher(smtp, web);
            web.createContext("/cgi-bin/webhook/send", catcher::robot);
            web.createContext("/api/mails", catcher::mails);
            web.createContext("/api/wecom", exchange -> send(exchange, 200, "application/json",
                    JSON.writeValueAsString(catcher.robotMessages)));
            web.createContext("/", catcher::page);
            web.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            web.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("cannot serve the mail catcher's page on port " + webPort, e);
        }
    }

    /** WeCom's robot webhook, as far as notify-service uses it: takes the message and answers errcode 0. */
    private void robot(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String key = query == null ? "" : Arrays.stream(query.split("&")).filter(p -> p.startsWith("key="))
                .map(p -> p.substring(4)).findFirst().orElse("");
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("receivedAt", Instant.now().toString());
        message.put("robot", key.length() > 4 ? "****" + key.substring(key.length() - 4) : key);
        message.put("msgtype", body.path("msgtype").asString());
        message.put("content", body.path(body.path("msgtype").asString()).path("content").asString());
        robotMessages.add(message);
        send(exchange, 200, "application/json", "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void mails(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        MimeMessage[] received = smtp.getReceivedMessages();
        try {
            if (path.equals("/api/mails") || path.equals("/api/mails/")) {
                List<Map<String, Object>> mails = new ArrayList<>();
                for (int i = 0; i < received.length; i++) {
                    mails.add(summary(i, received[i]));
                }
                send(exchange, 200, "application/json", JSON.writeValueAsString(mails));
                return;
            }
            int index = Integer.parseInt(path.substring("/api/mails/".length()));
            if (index < 0 || index >= received.length) {
                send(exchange, 404, "text/plain; charset=utf-8", "no mail " + index);
                return;
            }
            String html = part(received[index], "text/html");
            send(exchange, 200, "text/html; charset=utf-8", html != null ? html
                    : "<pre>" + escape(String.valueOf(part(received[index], "text/plain"))) + "</pre>");
        } catch (NumberFormatException e) {
            send(exchange, 404, "text/plain; charset=utf-8", "no such mail");
        } catch (MessagingException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "cannot read the mail: " + e.getMessage());
        }
    }

    private static Map<String, Object> summary(int index, MimeMessage mail) throws MessagingException, IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("index", index);
        summary.put("receivedAt", mail.getReceivedDate() == null ? null : mail.getReceivedDate().toInstant().toString());
        summary.put("from", addresses(mail.getFrom()));
        summary.put("to", addresses(mail.getAllRecipients()));
        summary.put("subject", mail.getSubject());
        summary.put("text", part(mail, "text/plain"));
        return summary;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The first part of the given type, looking into multiparts. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="refresh" content="5">
                <title>Keliu local mail catcher</title><style>body{font-family:sans-serif;margin:2em}
                table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}
                pre{white-space:pre-wrap;margin:0}</style></head><body>
                <h1>Caught by the local stack</h1>
                <p>Mails sent to the SMTP server on this machine and messages sent to WeCom robots (this page stands in
                for qyapi.weixin.qq.com). JSON: <a href="/api/mails">/api/mails</a>, <a href="/api/wecom">/api/wecom</a>.</p>
                <h2>Mails</h2><table><tr><th>#</th><th>received</th><th>to</th><th>subject</th></tr>
                """);
        try {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage mail = received[i];
                html.append("<tr><td>").append(i).append("</td><td>")
                        .append(mail.getReceivedDate() == null ? "" : mail.getReceivedDate().toInstant())
                        .append("</td><td>").append(escape(addresses(mail.getAllRecipients())))
                        .append("</td><td><a href=\"/api/mails/").append(i).append("\">")
                        .append(escape(String.valueOf(mail.getSubject()))).append("</a></td></tr>\n");
            }
        } catch (MessagingException e) {
            html.append("<tr><td colspan=4>cannot read the mails: ").append(escape(e.getMessage())).append("</td></tr>");
        }
        html.append("</table><h2>WeCom robot messages</h2><table><tr><th>received</th><th>robot</th><th>message</th></tr>");
        for (int i = robotMessages.size() - 1; i >= 0; i--) {
            Map<String, Object> message = robotMessages.get(i);
            html.append("<tr><td>").append(message.get("receivedAt")).append("</td><td>")
                    .append(escape(String.valueOf(message.get("robot")))).append("</td><td><pre>")
                    .append(escape(String.valueOf(message.get("content")))).append("</pre></td></tr>\n");
        }
        send(exchange, 200, "text/html; charset=utf-8", html.append("</table></body></html>").toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
