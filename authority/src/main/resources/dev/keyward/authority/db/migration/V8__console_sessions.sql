-- The vendor console's signed-in sessions, in the database so that every authority node behind a
-- load balancer sees the same ones (a sign-in on one node, the next page on another, a sign-out
-- that ends the session everywhere). The cookie's value is never stored: only its SHA-256, so a
-- copy of the database opens no session. Times are milliseconds since the epoch.
CREATE TABLE console_sessions (
  id_hash VARCHAR(64) PRIMARY KEY,
  actor VARCHAR(200) NOT NULL,
  csrf VARCHAR(64) NOT NULL,
  created_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL
);
CREATE INDEX console_sessions_last_seen ON console_sessions (last_seen_ms);
