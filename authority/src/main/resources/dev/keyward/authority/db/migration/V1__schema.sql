-- Keyward authority schema. The same SQL runs on SQLite and PostgreSQL: times are epoch
-- milliseconds (BIGINT), booleans are BOOLEAN (SQLite stores 0/1), JSON is TEXT.

-- Catalogs loaded by an operator (PUT /v1/admin/catalog); the newest serves after a restart
-- unless --catalog names one. content is NULL for a built-in catalog.
CREATE TABLE catalogs (
  id BIGINT PRIMARY KEY,
  source VARCHAR(400) NOT NULL,
  content TEXT,
  loaded_at BIGINT NOT NULL
);

-- Issued product keys. The full key is never stored in clear: fingerprint is
-- HMAC-SHA256(fingerprint secret, key), encrypted_key is AES-256-GCM under the key-encryption key.
CREATE TABLE product_keys (
  id VARCHAR(40) PRIMARY KEY,
  fingerprint CHAR(64) NOT NULL UNIQUE,
  partial_key CHAR(5) NOT NULL,
  encrypted_key TEXT NOT NULL,
  group_number INTEGER NOT NULL,
  serial BIGINT NOT NULL,
  product VARCHAR(100) NOT NULL,
  version VARCHAR(100) NOT NULL,
  edition VARCHAR(100),
  channel VARCHAR(40) NOT NULL,
  blocked BOOLEAN NOT NULL,
  pool_size INTEGER NOT NULL,
  pool_used INTEGER NOT NULL,
  extension_total INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (group_number, serial)
);

-- Next serial of each key group.
CREATE TABLE serial_counters (
  group_number INTEGER PRIMARY KEY,
  next_serial BIGINT NOT NULL
);

-- Activations: one per grant. spent: the grant took a count from the key (MAK pool).
CREATE TABLE activations (
  id VARCHAR(40) PRIMARY KEY,
  key_id VARCHAR(40) NOT NULL REFERENCES product_keys (id),
  components TEXT NOT NULL,
  cmid VARCHAR(64) NOT NULL,
  active BOOLEAN NOT NULL,
  spent BOOLEAN NOT NULL,
  issued_at BIGINT NOT NULL,
  released_at BIGINT,
  release_reason TEXT,
  certificate_id VARCHAR(40) NOT NULL
);
CREATE INDEX activations_by_key ON activations (key_id);

-- Every certificate issued (first grant and renewals), signed JSON as the client received it.
CREATE TABLE certificates (
  id VARCHAR(40) PRIMARY KEY,
  activation_id VARCHAR(40) NOT NULL REFERENCES activations (id),
  issued_at BIGINT NOT NULL,
  signed TEXT NOT NULL
);
CREATE INDEX certificates_by_activation ON certificates (activation_id);

-- Append-only audit log, hash-chained: hash = SHA-256(prev_hash + canonical JSON of the entry).
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor VARCHAR(200) NOT NULL,
  action VARCHAR(100) NOT NULL,
  subject VARCHAR(400) NOT NULL,
  detail TEXT NOT NULL,
  prev_hash CHAR(64) NOT NULL,
  hash CHAR(64) NOT NULL
);

-- The chain's head: one row, locked by every append so that entries are numbered one by one.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- SHA-256 of the admin tokens this database accepts (one per data directory that serves it).
CREATE TABLE admin_tokens (
  hash CHAR(64) PRIMARY KEY,
  created_at BIGINT NOT NULL
);
