-- What a segment is worth, summed at its refit from the members' scores (docs/profiles.md, "Segments"): null for
-- segments of refits made before these columns existed, until the next refit.
ALTER TABLE segments ADD COLUMN clv_total double precision;
ALTER TABLE segments ADD COLUMN mean_churn_risk double precision;
