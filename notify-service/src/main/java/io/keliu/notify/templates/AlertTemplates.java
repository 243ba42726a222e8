package io.keliu.notify.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renders alerts with the templates under {@code notify-templates/}: one directory per alert type (or
 * {@code default}) holding, per language, a markdown item (WeCom, and the text part of mails), an SMS line and an
 * HTML item; {@code layout/} wraps items into one message. A group of alerts renders as one message, most urgent
 * first.
 */
@Component
public class AlertTemplates {
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    /** What one SMS segment of Chinese text holds, the signature included. */
    public static final int SMS_LIMIT = 70;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Comparator<Alert> MOST_URGENT_FIRST = Comparator
            .comparing(Alert::severity, Comparator.reverseOrder())
            .thenComparing(Alert::startsAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).defaultValue("")
            .emptyStringIsFalse(true);
    private final Mustache.Compiler html = Mustache.compiler().defaultValue("").emptyStringIsFalse(true);
    private final Map<String, Template> cache = new ConcurrentHashMap<>();
    private final Map<String, String> directories = new ConcurrentHashMap<>();
    private final TemplateProperties properties;

    public AlertTemplates(TemplateProperties properties) {
        this.properties = properties;
    }

    public static String language(String requested) {
        return requested != null && requested.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "en" : "zh-CN";
    }

    /**
     * @param group what the alerts have in common (their group labels), shown in the heading; may be empty
     */
    public Rendered render(List<Alert> alerts, String language, ZoneId zone, String group) {
        String lang = language(language);
        List<Alert> ordered = alerts.stream().sorted(MOST_URGENT_FIRST).toList();
        List<Map<String, Object>> items = ordered.stream().map(alert -> context(alert, lang, zone)).toList();
        Map<String, Object> first = new HashMap<>(items.getFirst());
        int more = items.size() - 1;
        first.put("more", more > 0 ? String.valueOf(more) : "");
        first.put("count", String.valueOf(items.size()));

        Map<String, Object> layout = new HashMap<>();
        layout.put("group", group == null ? "" : group);
        layout.put("count", String.valueOf(items.size()));
        layout.put("many", items.size() > 1 ? "yes" : "");
        layout.put("dashboard", properties.dashboardUrl());
        layout.put("subject", apply(text, "layout/" + lang + ".subject", first).strip());
        layout.put("items", join(ordered, items, lang, "md", text, "\n"));
        String markdown = apply(text, "layout/" + lang + ".md", layout).strip();
        layout.put("items", join(ordered, items, lang, "html", html, ""));
        String page = apply(html, "layout/" + lang + ".email.html", layout);
        return new Rendered((String) layout.get("subject"), markdown, sms(ordered.getFirst(), lang, first), page,
                markdown);
    }

    private String join(List<Alert> alerts, List<Map<String, Object>> items, String lang, String format,
                        Mustache.Compiler compiler, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < alerts.size(); i++) {
            out.append(apply(compiler, dir(alerts.get(i).type()) + "/" + lang + "." + format, items.get(i)))
                    .append(separator);
        }
        return out.toString();
    }

    /** The SMS line, its summary shortened with "…" until the line and the signature fit in one segment. */
    private String sms(Alert alert, String lang, Map<String, Object> context) {
        String template = dir(alert.type()) + "/" + lang + ".sms";
        String summary = (String) context.get("summary");
        int budget = SMS_LIMIT - signature().length();
        Map<String, Object> shortened = new HashMap<>(context);
        String line = apply(text, template, shortened).strip();
        for (int keep = summary.length() - 1; line.length() > budget && keep >= 0; keep--) {
            shortened.put("summary", summary.substring(0, keep) + "…");
            line = apply(text, template, shortened).strip();
        }
        return line.length() <= budget ? line : line.substring(0, budget - 1) + "…";
    }

    /** The signature as the provider prints it, e.g. 【科流】. */
    public String signature() {
        return "【" + properties.smsSignature() + "】";
    }

    private Map<String, Object> context(Alert alert, String lang, ZoneId zone) {
        Map<String, Object> context = new HashMap<>();
        boolean zh = lang.equals("zh-CN");
        context.put("type", alert.type());
        context.put("severityWord", severityWord(alert.severity(), zh));
        context.put("severityClass", alert.severity().name().toLowerCase(java.util.Locale.ROOT));
        context.put("color", switch (alert.severity()) {
            case CRITICAL -> "warning";
            case WARNING -> "comment";
            case INFO -> "info";
        });
        context.put("resolved", alert.status() == AlertStatus.RESOLVED ? "yes" : "");
        context.put("summary", alert.summary() == null ? alert.type() : alert.summary().in(lang));
        context.put("description", alert.description() == null ? "" : alert.description().in(lang));
        context.put("startsAt", alert.startsAt() == null ? "" : TIME.format(alert.startsAt().atZone(zone)));
        context.put("url", alert.link() == null || alert.link().isBlank() ? properties.dashboardUrl()
                : properties.dashboardUrl() + (alert.link().startsWith("/") ? "" : "/") + alert.link());
        context.put("labels", alert.labels() == null ? Map.of() : alert.labels());
        context.put("values", alert.values() == null ? Map.of() : alert.values().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> number(e.getValue()))));
        return context;
    }

    private static String severityWord(AlertSeverity severity, boolean zh) {
        return switch (severity) {
            case CRITICAL -> zh ? "严重" : "CRITICAL";
            case WARNING -> zh ? "警告" : "WARNING";
            case INFO -> zh ? "提示" : "INFO";
        };
    }

    /** 120.0 as "120", 0.125 as "0.125": numbers as a person writes them. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The type's own template directory, or {@code default} for a type without one. */
    private String dir(String type) {
        return directories.computeIfAbsent(type == null ? "" : type, name ->
                !name.isEmpty() && new ClassPathResource("notify-templates/" + name + "/zh-CN.md.mustache").exists()
                        ? name : "default");
    }

    private String apply(Mustache.Compiler compiler, String name, Map<String, Object> context) {
        Template template = cache.computeIfAbsent((compiler == html ? "html:" : "text:") + name, key -> {
            try (Reader reader = new InputStreamReader(
                    new ClassPathResource("notify-templates/" + name + ".mustache").getInputStream(),
                    StandardCharsets.UTF_8)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("template " + name + " is missing", e);
            }
        });
        return template.execute(context);
    }
}
