-- Downgrade keys (SPEC §13, seed 000): a key of an earlier version, same product, edition and
-- channel, issued under the downgrade rights of an original key. original_id is the entitlement's
-- original key, never itself a downgrade key; one downgrade key per original and version. A
-- multiple activation key's downgrade keys draw on the original's pool (docs/api.md).
CREATE TABLE key_downgrades (
  key_id VARCHAR(40) PRIMARY KEY REFERENCES product_keys (id),
  original_id VARCHAR(40) NOT NULL REFERENCES product_keys (id),
  version VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (original_id, version)
);
