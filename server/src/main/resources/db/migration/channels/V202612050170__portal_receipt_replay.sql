-- A retried portal submit (same Idempotency-Key) answers its first receipt. The key is stored only as a hash,
-- and the query code only sealed with the key itself: whoever holds the key learns the code again, nobody else.
alter table ch_receipt add column idempotency_hash text;
alter table ch_receipt add column sealed_code text;
create unique index ch_receipt_idempotency on ch_receipt (idempotency_hash) where idempotency_hash is not null;
