-- A segment's customers in value order from the index: with the segment and CLV in separate indexes, the list
-- "segment 2 by CLV" walked the CLV index past every customer of the richer segments (220,000 rows, 2 s at
-- 1,000,000 customers, bench/profile.sh). This index starts with what customer_scores_segment had, so it replaces it.
CREATE INDEX customer_scores_segment_clv ON customer_scores (refit_id, segment_id, clv DESC, user_id);
DROP INDEX customer_scores_segment;
