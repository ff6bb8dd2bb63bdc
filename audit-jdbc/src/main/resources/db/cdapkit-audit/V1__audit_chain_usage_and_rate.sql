-- cdapkit-audit-jdbc, schema version 1.
-- One hash chain per partner account. Each row keeps the record's whole line as the file journal
-- writes it (the MAC covers those bytes); the other columns are copies made for queries and are
-- checked against the line by the verifier.
CREATE TABLE cdap_audit_record (
  partner     VARCHAR(200) NOT NULL,
  seq         BIGINT       NOT NULL,
  recorded_at TIMESTAMPTZ  NOT NULL,
  operation_id VARCHAR(100) NOT NULL,
  agent       VARCHAR(200) NOT NULL,
  operation   VARCHAR(40)  NOT NULL,
  outcome     VARCHAR(40)  NOT NULL,
  dossier     VARCHAR(64),
  mac         VARCHAR(64)     NOT NULL,
  line        TEXT         NOT NULL,
  PRIMARY KEY (partner, seq)
);

-- "Who consulted this dossier": one index probe on the pseudonym, records of a dossier come out in
-- time order. Partial: records about no dossier (CAF selection, some Dialogue) are not indexed.
CREATE INDEX cdap_audit_record_dossier ON cdap_audit_record (dossier, recorded_at)
  WHERE dossier IS NOT NULL;

-- Retention: finding the last record older than the retention age.
CREATE INDEX cdap_audit_record_time ON cdap_audit_record (partner, recorded_at);

-- The head of each partner's chain (a copy of its last record): appends lock this row, so that appends from every node are
-- serialised per partner and each one chains to the record really written before it.
CREATE TABLE cdap_audit_head (
  partner VARCHAR(200) PRIMARY KEY,
  seq     BIGINT   NOT NULL,
  mac     VARCHAR(64) NOT NULL,
  line    TEXT     -- the last record's line, checked against the key before each append
);

-- Signed retention checkpoints: the last record purged (its sequence number and MAC), signed under
-- the journal key with the chain's own step, so that what remains still verifies from there.
CREATE TABLE cdap_audit_checkpoint (
  partner       VARCHAR(200) NOT NULL,
  seq           BIGINT       NOT NULL,
  mac           VARCHAR(64)     NOT NULL,
  purged_before TIMESTAMPTZ  NOT NULL,
  statement     TEXT         NOT NULL,
  signature     VARCHAR(64)     NOT NULL,
  PRIMARY KEY (partner, seq)
);

-- The usage guard's counts, shared by every node: one row per consultation counted.
CREATE TABLE cdap_usage (
  partner     VARCHAR(200) NOT NULL,
  agent       VARCHAR(200) NOT NULL,
  consulted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cdap_usage_agent ON cdap_usage (partner, agent, consulted_at);

-- Bucket4j's table for the partner account's shared rate limit (its PostgreSQL module's layout).
CREATE TABLE cdap_rate_bucket (
  id    VARCHAR(300) PRIMARY KEY,
  state BYTEA
);
