-- A decision no longer reads each prior activation's certificate id (a reissue reads the one
-- activation's current certificate by its id): V9's index without that column, a smaller index
-- that every activation's insert updates. V9 stays as it was applied.
DROP INDEX activations_by_key_in_order;
CREATE INDEX activations_by_key_in_order ON activations (key_id, issued_at, id, active, spent);
