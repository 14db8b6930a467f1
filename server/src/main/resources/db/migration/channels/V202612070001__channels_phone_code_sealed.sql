-- The portal's SMS codes: the citizen's number sealed at rest (ADR 041), look-ups by its blind index. The column
-- widens for the ciphertext; rows written before are sealed and indexed by Resealing at the next start (they live
-- minutes anyway).
alter table ch_phone_code alter column phone type text;
alter table ch_phone_code add column phone_index bytea;
drop index ch_phone_code_phone;
create index ch_phone_code_phone_index on ch_phone_code (phone_index, created_at desc);
