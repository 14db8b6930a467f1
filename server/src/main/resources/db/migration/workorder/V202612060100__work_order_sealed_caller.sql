-- Citizens' personal data sealed at rest (issue 19, ADR 041): the caller's phone and name and the address hold
-- SM4-GCM ciphertext ('ENC1.<key>.<base64>'), longer than the plaintext, so they become text. Look-ups by number
-- (caller history, repeat caller, portal progress, SMS replies) go through the keyed SM3 blind index of the
-- normalised number. The address index served a plaintext prefix search nobody can run on ciphertext.
-- Rows written before this version are sealed, and get their index, by Resealing in batches after start-up.
alter table work_order alter column caller_phone type text, alter column caller_name type text,
    alter column address type text;
alter table work_order add column caller_phone_index bytea;
drop index work_order_phone;
drop index work_order_address;
create index work_order_phone_index on work_order (caller_phone_index, created_at desc);
