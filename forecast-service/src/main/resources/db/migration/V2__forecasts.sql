-- The latest forecast of each series (docs/forecasting.md#forecast-service), replaced by each refresh.
CREATE TABLE forecasts (
    series       text        PRIMARY KEY,
    computed_at  timestamptz NOT NULL,
    body         jsonb       NOT NULL
);

-- Uploaded regressors (PUT /api/v1/forecasts/regressors), replaced whole by each upload.
CREATE TABLE regressors (
    day   date             NOT NULL,
    name  text             NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (name, day)
);

-- Daily capacity per region (PUT /api/v1/capacity): orders a day the region can serve; region 'total' for all.
CREATE TABLE capacity (
    region   text    PRIMARY KEY,
    orders   integer NOT NULL
);
