-- A refit's results become a partition of their own (docs/profiles.md): written by COPY into a table without indexes,
-- indexed with one sort per index when attached, and forgotten by dropping the table. Before, a refit of a million
-- customers maintained four indexes row by row as it wrote, and forgetting the previous refit deleted a million rows
-- that vacuum then had to clean up.
ALTER TABLE customer_scores RENAME TO customer_scores_unpartitioned;
ALTER TABLE customer_scores_unpartitioned RENAME CONSTRAINT customer_scores_pkey TO customer_scores_unpartitioned_pkey;
DROP INDEX customer_scores_clv;
DROP INDEX customer_scores_churn;
DROP INDEX customer_scores_segment_clv;

CREATE TABLE customer_scores (LIKE customer_scores_unpartitioned) PARTITION BY LIST (refit_id);
ALTER TABLE customer_scores ADD PRIMARY KEY (refit_id, user_id);
CREATE INDEX customer_scores_clv ON customer_scores (refit_id, clv DESC);
CREATE INDEX customer_scores_churn ON customer_scores (refit_id, churn_risk DESC);
CREATE INDEX customer_scores_segment_clv ON customer_scores (refit_id, segment_id, clv DESC, user_id);

DO $$
DECLARE
    refit uuid;
BEGIN
    FOR refit IN SELECT DISTINCT refit_id FROM customer_scores_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF customer_scores FOR VALUES IN (%L)',
                       'customer_scores_' || replace(refit::text, '-', ''), refit);
    END LOOP;
END $$;
INSERT INTO customer_scores SELECT * FROM customer_scores_unpartitioned;
DROP TABLE customer_scores_unpartitioned;
