-- The ceiling's keys, shaped like the load generator's: :retail retail keys, :makkeys multiple
-- activation keys with a pool of :pool (psql -v retail=… -v makkeys=… -v pool=…).
INSERT INTO product_keys (id, fingerprint, partial_key, encrypted_key, group_number, serial,
    product, version, edition, channel, blocked, pool_size, pool_used, extension_total, created_at)
  SELECT 'pk-' || k, lpad(k::text, 64, '0'), 'ABCDE', 'v1:' || repeat('A', 64),
         CASE WHEN k > :retail THEN 2013 ELSE 2011 END, k, 'winserver', '2022', 'ServerStandard',
         CASE WHEN k > :retail THEN 'VOLUME_MAK' ELSE 'RETAIL' END, FALSE,
         CASE WHEN k > :retail THEN :pool ELSE 0 END, 0, 0, 0
  FROM generate_series(1, :retail + :makkeys) AS k;
ANALYZE;
