-- The poll claim asks for a carrier's booked orders ordered by (next_poll_at NULLS FIRST, created_at): never-polled
-- orders first. (carrier_id, state, next_poll_at) gives NULLs last, so PostgreSQL sorted every open order of the
-- carrier on each claim (136 ms per claim with 50,000 open orders in the benchmark). This index is in claim order.
DROP INDEX ix_delivery_order_poll;
CREATE INDEX ix_delivery_order_poll_due ON delivery_order (carrier_id, state, next_poll_at NULLS FIRST, created_at);
