-- Keys compare byte by byte (collation "C"): ids have no linguistic order, and the primary-key index and the upsert's
-- sort of every batch by key then skip locale-aware comparison (about 5 % of the database's CPU per order line in
-- the ingest benchmark). Changing a column's collation rebuilds its indexes, not the table. user_id changes in both
-- tables that hold it, so that joining them by it never mixes two collations.
ALTER TABLE order_lines ALTER COLUMN order_id TYPE text COLLATE "C", ALTER COLUMN line_key TYPE text COLLATE "C",
    ALTER COLUMN user_id TYPE text COLLATE "C";
ALTER TABLE profiles ALTER COLUMN user_id TYPE text COLLATE "C";
ALTER TABLE system_logs ALTER COLUMN log_id TYPE text COLLATE "C";
