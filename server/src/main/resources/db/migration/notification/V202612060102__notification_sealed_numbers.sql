-- Citizens' numbers in the SMS tables sealed at rest (issue 19, ADR 041): the outbox, opt-outs, surveys and the
-- senders of incoming messages hold SM4-GCM ciphertext; the opt-out check, the hourly limit per number and the
-- survey answer find their rows by the keyed SM3 blind index of the normalised number. An opt-out is unique by
-- its index (the ciphertext differs each time). Older rows are sealed and indexed by Resealing after start-up.
alter table ntf_outbox alter column phone type text;
alter table ntf_outbox add column phone_index bytea;
drop index ntf_outbox_phone;
create index ntf_outbox_phone_index on ntf_outbox (phone_index, created_at desc);

alter table ntf_opt_out drop constraint ntf_opt_out_pkey;
alter table ntf_opt_out alter column phone type text;
alter table ntf_opt_out add column phone_index bytea;
create unique index ntf_opt_out_phone_index on ntf_opt_out (phone_index);

alter table ntf_survey alter column phone type text;
alter table ntf_survey add column phone_index bytea;
drop index ntf_survey_open;
create index ntf_survey_open on ntf_survey (phone_index, sent_at desc) where answered_at is null;

alter table ntf_inbox alter column sender type text;
