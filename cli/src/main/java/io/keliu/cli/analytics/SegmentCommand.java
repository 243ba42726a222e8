package io.keliu.cli.analytics;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.segments.FeatureMatrix;
import io.keliu.analytics.segments.Segment;
import io.keliu.analytics.segments.SegmentationMethod;
import io.keliu.analytics.segments.Segmentation;
import io.keliu.analytics.segments.Segmenter;
import io.keliu.cli.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics segment}: customer segments from numeric columns, each described in plain words. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Groups the rows of a CSV by numeric features (standardised unless --no-scale) and describes"
                + " each segment: size, centroid in original units, features most above or below the average."
                + " Without --k, k from 2 to 10 is chosen by the best silhouette.")
public final class SegmentCommand implements Callable<Integer> {

    /** Lower-case names, as users type them. */
    enum Method { kmeans, gmm, hierarchical }

    @Option(names = "--input", required = true, description = "CSV with a header line.")
    Path input;

    @Option(names = "--features", required = true, split = ",", description = "Numeric columns to segment on.")
    List<String> features;

    @Option(names = "--k", description = "Number of segments; chosen by silhouette (2-10) when absent.")
    Integer k;

    @Option(names = "--method", defaultValue = "kmeans", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--no-scale", description = "Cluster the raw values (only when all features share one unit).")
    boolean noScale;

    @Option(names = "--id", description = "Column identifying rows; adds each row's segment to the output.")
    String id;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CharsetOption encoding;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> document = Inputs.analyse(this::segment);
        Json.print(spec.commandLine().getOut(), document);
        return 0;
    }

    private Map<String, Object> segment() {
        CsvTable table = Inputs.csv(input, encoding.charset);
        FeatureMatrix matrix = FeatureMatrix.of(table, features);
        Segmenter segmenter = new Segmenter(SegmentationMethod.valueOf(method.name().toUpperCase(Locale.ROOT)),
                !noScale, seed);
        Segmentation result = k == null ? segmenter.segmentChoosingK(matrix, 2, 10) : segmenter.segment(matrix, k);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", method.name());
        document.put("k", result.k());
        document.put("scaled", result.scaled());
        document.put("rows", matrix.rows());
        document.put("withinSumOfSquares", result.withinSumOfSquares());
        document.put("silhouette", result.silhouette());
        if (!result.silhouetteByK().isEmpty()) {
            document.put("silhouetteByK", result.silhouetteByK());
        }
        document.put("segments", result.segments().stream().map(SegmentCommand::segment).toList());
        if (id != null) {
            document.put("assignments", assignments(table, result));
        }
        return document;
    }

    private static Map<String, Object> segment(Segment segment) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("segment", segment.index());
        row.put("size", segment.size());
        row.put("share", segment.share());
        row.put("centroid", segment.centroid());
        row.put("distinguishing", segment.deviations());
        row.put("description", segment.description());
        return row;
    }

    private List<Map<String, Object>> assignments(CsvTable table, Segmentation result) {
        int idColumn = table.column(id);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            rows.add(Map.of("id", table.text(row, idColumn), "segment", result.labels()[row]));
        }
        return rows;
    }
}
