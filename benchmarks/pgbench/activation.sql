-- One activation (docs/benchmarks.md): the statements the authority sends for POST /v1/activate,
-- as seen with log_statement=all, in the same round trips: the key locked, its activations and its
-- downgrade links in one pipeline (DecisionRead); the activation, its certificate and the pool
-- update as one statement, sent with the COMMIT (ActivationStore.insertGrant, Database.runLast). The key is chosen like the load generator chooses it: retail keys
-- 1..:retail, then :makkeys multiple activation keys with a pool of :pool each. A new machine is a
-- grant (a MAK grant also updates the key's pool); :retries percent of the transactions are retries
-- of a machine that already holds its activation (the key under its lock, its activations and the
-- stored certificate; nothing is written). One script, because pgbench 15 mixes up the prepared
-- statements of several -f scripts. The JDBC driver sends BEGIN with the first statement (one round
-- trip); the pipeline does the same here.
\set j random(0, :retail + :makkeys * :pool - 1)
\set k 1 + (CASE WHEN :j < :retail THEN :j ELSE :retail + (:j - :retail) / :pool END)
\set mak CASE WHEN :j >= :retail THEN 1 ELSE 0 END
\set a random(1, 1000000000000000)
\set retry CASE WHEN random(1, 100) <= :retries THEN 1 ELSE 0 END
\if :retry = 1
\startpipeline
BEGIN;
SELECT id, fingerprint, partial_key, encrypted_key, group_number, serial, product, version, edition, channel, blocked, pool_size, pool_used, extension_total, created_at FROM product_keys WHERE fingerprint = lpad(:k::text, 64, '0')::char(64) FOR UPDATE;
SELECT id, active, spent, issued_at FROM activations WHERE key_id = 'pk-' || :k AND (active = TRUE OR spent = TRUE) ORDER BY issued_at, id;
SELECT key_id, original_id, version, created_at FROM key_downgrades WHERE key_id = 'pk-' || :k OR original_id = 'pk-' || :k ORDER BY created_at, key_id;
\endpipeline
SELECT id, activation_id, signed FROM certificates WHERE id = (SELECT certificate_id FROM activations WHERE key_id = 'pk-' || :k LIMIT 1);
COMMIT;
\else
\startpipeline
BEGIN;
SELECT id, fingerprint, partial_key, encrypted_key, group_number, serial, product, version, edition, channel, blocked, pool_size, pool_used, extension_total, created_at FROM product_keys WHERE fingerprint = lpad(:k::text, 64, '0')::char(64) FOR UPDATE;
SELECT id, active, spent, issued_at FROM activations WHERE key_id = 'pk-' || :k AND (active = TRUE OR spent = TRUE) ORDER BY issued_at, id;
SELECT key_id, original_id, version, created_at FROM key_downgrades WHERE key_id = 'pk-' || :k OR original_id = 'pk-' || :k ORDER BY created_at, key_id;
\endpipeline
\if :mak = 1
\startpipeline
WITH activation AS (INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at, released_at, release_reason, certificate_id) VALUES ('act-' || :client_id || '-' || :a, 'pk-' || :k, '{"baseboard":"9f2c4e1a7b3d5f60812a4c6e8b0d2f41","controller":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","cpu":"1f2e3d4c5b6a79881726354453627180","disk":"2a3b4c5d6e7f80910a1b2c3d4e5f6071","display":"3b4c5d6e7f8091a2b3c4d5e6f7081920","nic":"4c5d6e7f8091a2b3c4d5e6f708192a3b","ram":"5d6e7f8091a2b3c4d5e6f708192a3b4c","serial":"6e7f8091a2b3c4d5e6f708192a3b4c5d","uuid":"7f8091a2b3c4d5e6f708192a3b4c5d6e","volume":"8091a2b3c4d5e6f708192a3b4c5d6e7f"}', '6f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f', TRUE, :mak = 1, 1772359200000, NULL, NULL, 'cert-' || :client_id || '-' || :a)), certificate AS (INSERT INTO certificates (id, activation_id, issued_at, signed) VALUES ('cert-' || :client_id || '-' || :a, 'act-' || :client_id || '-' || :a, 1772359200000, '{"certificate": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}')) UPDATE product_keys SET blocked = FALSE, pool_size = :pool, pool_used = pool_used + 1, extension_total = 0 WHERE id = 'pk-' || :k;
COMMIT;
\endpipeline
\else
\startpipeline
WITH activation AS (INSERT INTO activations (id, key_id, components, cmid, active, spent, issued_at, released_at, release_reason, certificate_id) VALUES ('act-' || :client_id || '-' || :a, 'pk-' || :k, '{"baseboard":"9f2c4e1a7b3d5f60812a4c6e8b0d2f41","controller":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","cpu":"1f2e3d4c5b6a79881726354453627180","disk":"2a3b4c5d6e7f80910a1b2c3d4e5f6071","display":"3b4c5d6e7f8091a2b3c4d5e6f7081920","nic":"4c5d6e7f8091a2b3c4d5e6f708192a3b","ram":"5d6e7f8091a2b3c4d5e6f708192a3b4c","serial":"6e7f8091a2b3c4d5e6f708192a3b4c5d","uuid":"7f8091a2b3c4d5e6f708192a3b4c5d6e","volume":"8091a2b3c4d5e6f708192a3b4c5d6e7f"}', '6f1c1f7e-5a2b-4c6d-8e9f-0a1b2c3d4e5f', TRUE, :mak = 1, 1772359200000, NULL, NULL, 'cert-' || :client_id || '-' || :a)) INSERT INTO certificates (id, activation_id, issued_at, signed) VALUES ('cert-' || :client_id || '-' || :a, 'act-' || :client_id || '-' || :a, 1772359200000, '{"certificate": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}');
COMMIT;
\endpipeline
\endif
\endif
