-- One dead letter per kind and rejected content: a record redelivered from a topic, or a file imported again, finds
-- its dead letter already there (ingest then points it at the latest source and line) instead of adding another.
ALTER TABLE dead_letters ADD COLUMN payload_md5 uuid GENERATED ALWAYS AS (md5(payload)::uuid) STORED;
DELETE FROM dead_letters d USING dead_letters newer
    WHERE d.kind = newer.kind AND d.payload_md5 = newer.payload_md5 AND d.id < newer.id;
CREATE UNIQUE INDEX dead_letters_content ON dead_letters (kind, payload_md5);
