-- Secrets shared by every authority node of one database (docs/scale-out.md): one row, the data
-- directory's secrets/ files and admin token, sealed with AES-256-GCM under the nodes' master key.
-- Written once, by the first node that starts with a master key, under a lock.
CREATE TABLE shared_secrets (
  name TEXT PRIMARY KEY,
  sealed TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
