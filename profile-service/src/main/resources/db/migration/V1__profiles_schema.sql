-- profile-service's projection and model results (docs/profiles.md). Owned by profile-service.

-- The newest version of every order line of a known customer, as the change events carried it: the per-line state
-- from which customers' purchase facts are recomputed exactly. Anonymous lines are not kept.
CREATE TABLE order_lines (
    order_id         text           NOT NULL,
    line_key         text           NOT NULL,
    user_id          text           NOT NULL,
    created_at       timestamptz    NOT NULL,
    net_amount       numeric(19, 4) NOT NULL,
    net_quantity     integer        NOT NULL,
    category         text,
    channel          text,
    order_type       text,
    shipping_address text,
    province         text,
    city             text,
    PRIMARY KEY (order_id, line_key)
);
CREATE INDEX order_lines_user ON order_lines (user_id);

-- One row per customer: the profile (seed 001) and the purchase facts, kept current by the projection.
CREATE TABLE customers (
    user_id              text PRIMARY KEY,
    has_profile          boolean        NOT NULL DEFAULT false,
    registered_at        timestamptz,
    activated_at         timestamptz,
    last_login_at        timestamptz,
    age                  integer,
    gender               text,
    marital_status       text,
    occupation           text,
    industry             text,
    city                 text,
    province             text,
    address              text,
    orders               integer        NOT NULL DEFAULT 0,
    purchases            integer        NOT NULL DEFAULT 0,
    frequency            integer        NOT NULL DEFAULT 0,
    monetary_total       numeric(19, 4) NOT NULL DEFAULT 0,
    units                integer        NOT NULL DEFAULT 0,
    mean_repeat_spend    double precision NOT NULL DEFAULT 0,
    first_purchase_on    date,
    last_purchase_on     date,
    previous_purchase_on date,
    previous_gap_days    double precision,
    preferred_channel    text,
    preferred_order_type text,
    top_categories       text[]         NOT NULL DEFAULT '{}',
    active_hours         integer[]      NOT NULL DEFAULT '{}',
    lifecycle            text           NOT NULL DEFAULT 'PROSPECT',
    updated_at           timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX customers_monetary ON customers (monetary_total DESC, user_id);
CREATE INDEX customers_province ON customers (province);
CREATE INDEX customers_lifecycle ON customers (lifecycle);

-- Activity read off log lines that name a user (logs are not customers: a log never creates a customer).
CREATE TABLE activity (
    user_id      text PRIMARY KEY,
    last_seen_at timestamptz NOT NULL,
    actions      integer     NOT NULL,
    errors       integer     NOT NULL
);

-- Refits: a run of the models over every customer; the DONE one named in current_refit is what the API shows.
CREATE TABLE refits (
    refit_id        uuid PRIMARY KEY,
    status          text        NOT NULL,
    calibration_end date        NOT NULL,
    horizon_days    integer     NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    customers       integer,
    error           text,
    model           jsonb
);

CREATE TABLE current_refit (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    refit_id  uuid NOT NULL REFERENCES refits
);

-- Model results per customer and refit; reads join on the current refit, so a refit swaps in with one update.
CREATE TABLE customer_scores (
    refit_id            uuid             NOT NULL,
    user_id             text             NOT NULL,
    expected_purchases  double precision NOT NULL,
    probability_alive   double precision NOT NULL,
    expected_avg_value  double precision NOT NULL,
    clv                 double precision NOT NULL,
    value_score         double precision NOT NULL,
    segment_id          integer          NOT NULL,
    churn_risk          double precision NOT NULL,
    churn_reasons       text[]           NOT NULL,
    PRIMARY KEY (refit_id, user_id)
);
CREATE INDEX customer_scores_clv ON customer_scores (refit_id, clv DESC);
CREATE INDEX customer_scores_churn ON customer_scores (refit_id, churn_risk DESC);
CREATE INDEX customer_scores_segment ON customer_scores (refit_id, segment_id);

-- Segments of a refit; ids stay the same across refits for clusters that match (segments.md).
CREATE TABLE segments (
    refit_id       uuid    NOT NULL,
    segment_id     integer NOT NULL,
    size           integer NOT NULL,
    name_zh        text    NOT NULL,
    name_en        text    NOT NULL,
    description_zh text    NOT NULL,
    description_en text    NOT NULL,
    centroid       jsonb   NOT NULL,
    PRIMARY KEY (refit_id, segment_id)
);
