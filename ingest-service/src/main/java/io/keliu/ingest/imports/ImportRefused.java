package io.keliu.ingest.imports;

/** The whole import cannot start (empty file, a header without a required column): answered with 400. */
class ImportRefused extends RuntimeException {
    ImportRefused(String message) {
        super(message);
    }
}
