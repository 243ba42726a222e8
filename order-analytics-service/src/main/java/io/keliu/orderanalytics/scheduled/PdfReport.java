package io.keliu.orderanalytics.scheduled;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders a report page to PDF (openhtmltopdf on PDFBox), embedding the glyphs it uses from a font with Chinese
 * characters: without one, Chinese text would come out as empty boxes.
 */
@Component
public class PdfReport {
    public static final String FONT_FAMILY = "keliu-cjk";

    private final Path font;

    public PdfReport(ReportProperties properties) {
        this.font = properties.fonts().stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The font file used, or null when none of the configured ones exists. */
    public Path font() {
        return font;
    }

    public byte[] render(String xhtml) {
        if (font == null) {
            throw new IllegalStateException("no font with Chinese characters found for PDF reports; install the Debian"
                    + " package fonts-wqy-microhei or set keliu.reports.fonts");
        }
        try {
            if (!font.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()))) {
                    return render(xhtml, ttf);
                }
            }
            try (TrueTypeCollection collection = new TrueTypeCollection(font.toFile())) {
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
                if (first.get() == null) {
                    throw new IOException(font + " holds no font");
                }
                return render(xhtml, first.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF report", e);
        }
    }

    private static byte[] render(String xhtml, TrueTypeFont cjk) throws IOException {
        try (PDDocument document = new PDDocument()) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, cjk, true)), FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        }
    }
}
