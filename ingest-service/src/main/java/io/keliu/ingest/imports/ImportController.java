package io.keliu.ingest.imports;

import io.keliu.ingest.pipeline.IngestFailure;
import io.keliu.ingest.pipeline.IngestKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v1/imports/{orders|profiles|logs|feedback}}: the request body is the file (CSV with a header, or
 * NDJSON), read as it arrives. The answer counts every data line once and says what was wrong with each rejected one.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {
    private final ImportService imports;
    private final Map<String, IngestKind<?>> kinds;

    ImportController(ImportService imports, List<IngestKind<?>> kinds) {
        this.imports = imports;
        this.kinds = kinds.stream().collect(Collectors.toMap(IngestKind::name, Function.identity()));
    }

    @PostMapping("/{kind}")
    ImportSummary importFile(@PathVariable String kind,
                             @RequestParam(required = false) String format,
                             @RequestParam(required = false) String charset,
                             HttpServletRequest request) throws IOException {
        IngestKind<?> target = kinds.get(kind);
        if (target == null) {
            throw new ImportRefused("there is no import of '" + kind + "'; use one of " + kinds.keySet());
        }
        MediaType contentType = request.getContentType() == null ? null
                : MediaType.parseMediaType(request.getContentType());
        return imports.importFile(target, request.getInputStream(), format(contentType, format),
                charset(charset, contentType));
    }

    private static ImportFormat format(MediaType contentType, String format) {
        try {
            return ImportFormat.of(contentType, format);
        } catch (IllegalArgumentException e) {
            throw new ImportRefused("format '" + format + "' is not one we read; use csv or ndjson");
        }
    }

    private static Charset charset(String name, MediaType contentType) {
        if (name == null) {
            return contentType != null && contentType.getCharset() != null
                    ? contentType.getCharset() : StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportRefused("'" + name + "' is not an encoding we know; try UTF-8 or GBK");
        }
    }

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail refused(ImportRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IngestFailure.class)
    ProblemDetail unavailable(IngestFailure e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()
                + ". Lines before the failed batch are saved; importing the same file again is safe and adds "
                + "nothing twice.");
    }
}
