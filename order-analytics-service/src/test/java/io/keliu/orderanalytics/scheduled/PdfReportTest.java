package io.keliu.orderanalytics.scheduled;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF report shows Chinese text: rendered to an image, the page has ink, and two different characters drawn in
 * the same box have different shapes (missing glyphs would all be the same empty box, "tofu").
 */
class PdfReportTest {
    private static final Path OUT = Path.of("target", "pdf-report");
    private final PdfReport pdf = new PdfReport(new ReportProperties(null, null, null));

    @Test
    void a_report_renders_with_its_chinese_text_and_an_embedded_cjk_font() throws IOException {
        String html;
        try (InputStream sample = getClass().getResourceAsStream("/sample-report.json")) {
            html = HtmlReport.render(JsonMapper.builder().build().readTree(new String(sample.readAllBytes(),
                    StandardCharsets.UTF_8)));
        }
        long started = System.nanoTime();
        byte[] bytes = pdf.render(html);
        long millis = (System.nanoTime() - started) / 1_000_000;

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("经营日报", "净收入", "支付网关超时", "¥98,765.43");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(name -> name.contains("WenQuanYi") || name.contains("Hei"));
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Files.createDirectories(OUT);
            ImageIO.write(image, "png", OUT.resolve("daily-report-page-1.png").toFile());
            assertThat(inkShare(image, 0, 0, image.getWidth(), image.getHeight())).isGreaterThan(0.01);
        }
        assertThat(millis).as("a render, machine under load").isLessThan(30_000);
    }

    @Test
    void two_different_chinese_characters_have_different_glyphs() throws IOException {
        String html = """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
                body{margin:0;font-family:'%s';}
                div{position:absolute;top:0;width:200px;height:200px;font-size:150px;line-height:200px;}
                </style></head><body><div style="left:0">订</div><div style="left:300px">单</div></body></html>
                """.formatted(PdfReport.FONT_FAMILY);
        try (PDDocument document = Loader.loadPDF(pdf.render(html))) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 96);
            ImageIO.write(image, "png", OUT.resolve("glyphs.png").toFile());
            int cell = 200;
            double first = inkShare(image, 0, 0, cell, cell);
            double second = inkShare(image, 300, 0, cell, cell);
            assertThat(first).isGreaterThan(0.02);
            assertThat(second).isGreaterThan(0.02);
            assertThat(differingShare(image, 0, 300, cell)).isGreaterThan(0.03);
        }
    }

    private static double inkShare(BufferedImage image, int x0, int y0, int width, int height) {
        long ink = 0;
        for (int y = y0; y < y0 + height && y < image.getHeight(); y++) {
            for (int x = x0; x < x0 + width && x < image.getWidth(); x++) {
                ink += dark(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        return (double) ink / ((long) width * height);
    }

    private static double differingShare(BufferedImage image, int leftX, int rightX, int cell) {
        long differing = 0;
        for (int y = 0; y < cell; y++) {
            for (int x = 0; x < cell; x++) {
                differing += dark(image.getRGB(leftX + x, y)) != dark(image.getRGB(rightX + x, y)) ? 1 : 0;
            }
        }
        return (double) differing / ((long) cell * cell);
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r + g + b < 384;
    }
}
