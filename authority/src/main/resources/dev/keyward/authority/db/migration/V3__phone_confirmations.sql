-- Confirmation IDs given for installation IDs (phone activation, proxy activation files). A phone
-- activation is an ordinary row of activations (the same counts, the same releases); its
-- components hold the installation ID's short hashes and its certificate_id names its row here,
-- because a phone activation has no certificate. The same installation ID asked again gets the
-- same confirmation ID (signing is deterministic); each answer is kept.
CREATE TABLE phone_confirmations (
  id VARCHAR(40) PRIMARY KEY,
  activation_id VARCHAR(40) NOT NULL REFERENCES activations (id),
  iid VARCHAR(80) NOT NULL,
  key_index INTEGER NOT NULL,
  cid VARCHAR(160) NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE INDEX phone_confirmations_by_activation ON phone_confirmations (activation_id);
CREATE INDEX phone_confirmations_by_iid ON phone_confirmations (iid);
