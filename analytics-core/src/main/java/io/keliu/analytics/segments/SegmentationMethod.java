package io.keliu.analytics.segments;

/** How rows are grouped. */
public enum SegmentationMethod {
    /** k-means: round clusters of similar size in the (scaled) feature space; scales to millions of rows. */
    KMEANS,
    /** Gaussian mixture by EM: elliptical clusters of different spread; a few thousand rows. */
    GMM,
    /** Agglomerative clustering with Ward's criterion: deterministic, needs memory quadratic in rows. */
    HIERARCHICAL
}
