-- A decision reads a key's activations in issue order with these columns only (the components of
-- a machine already known are not read again, the certificate only for a reissue): this index
-- holds all of them, in that order, so the read visits neither the table's rows nor a sort. It
-- replaces the index on key_id alone, of which it is an extension.
CREATE INDEX activations_by_key_in_order ON activations (key_id, issued_at, id, active, spent);
DROP INDEX activations_by_key;
