-- Errors answered by the API, counted by day (UTC, days since 1970-01-01) and code: the vendor
-- console's dashboard draws the last 30 days from it. Counted in memory and added here every minute.
CREATE TABLE error_days (
  day INTEGER NOT NULL,
  code VARCHAR(12) NOT NULL,
  count BIGINT NOT NULL,
  PRIMARY KEY (day, code)
);
