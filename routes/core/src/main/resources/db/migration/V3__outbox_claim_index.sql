-- The outbox claim asks for pending rows ordered by (next_attempt_at, id) and stops at the first claimable ones.
-- With only (state, next_attempt_at) indexed, PostgreSQL had to test and sort every pending row on each claim
-- (9.6 ms per claim with 10,000 pending in the benchmark); with id in the index the scan returns rows already in
-- the claim's order and stops after the first few. Portable: H2 has no partial indexes, so state stays the prefix.
DROP INDEX ix_status_outbox_due;
CREATE INDEX ix_status_outbox_claim ON status_outbox (state, next_attempt_at, id);
