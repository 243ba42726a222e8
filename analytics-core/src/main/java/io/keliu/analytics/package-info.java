/**
 * Keliu's analytics algorithms as plain Java: no Spring, no I/O beyond what a caller hands in, so that the services
 * and the {@code bin/keliu analytics} command line share one implementation.
 */
package io.keliu.analytics;
