package io.keliu.orderanalytics.scheduled;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * @param dailyCron  when yesterday's report is made (platform zone)
 * @param weeklyCron when last week's report (Monday to Sunday) is made
 * @param fonts      font files with Chinese glyphs (TrueType .ttf or .ttc) for the PDF; the first that exists is used
 */
@ConfigurationProperties("keliu.reports")
public record ReportProperties(String dailyCron, String weeklyCron, List<Path> fonts) {
    public static final List<Path> DEBIAN_CJK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    public ReportProperties {
        dailyCron = dailyCron == null ? "0 0 8 * * *" : dailyCron;
        weeklyCron = weeklyCron == null ? "0 0 8 * * MON" : weeklyCron;
        fonts = fonts == null || fonts.isEmpty() ? DEBIAN_CJK_FONTS : List.copyOf(fonts);
    }
}
