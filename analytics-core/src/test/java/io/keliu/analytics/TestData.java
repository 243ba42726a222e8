package io.keliu.analytics;

import io.keliu.analytics.io.CsvTable;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The reference data sets under src/test/resources/data (see the README there for sources and licences). */
public final class TestData {

    private TestData() {
    }

    public static Path path(String resource) {
        URL url = TestData.class.getResource("/data/" + resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource data/" + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CsvTable table(String resource) {
        return CsvTable.read(path(resource));
    }
}
