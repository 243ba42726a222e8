/**
 * Traffic forecasting: daily and hourly series preparation ({@code series}), the Chinese public-holiday calendar and
 * user holiday files ({@code holidays}), forecasting models with automatic choice by rolling-origin backtesting and
 * empirically calibrated prediction intervals ({@code models}), peak hours, capacity and anomalies ({@code peaks}),
 * and hot-region ranking ({@code regions}).
 */
package io.keliu.analytics.forecast;
