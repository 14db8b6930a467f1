-- Callers' numbers sealed at rest (issue 19, ADR 041): call records, the blacklist, priority callers and the
-- queue-timeout callback tasks hold SM4-GCM ciphertext; look-ups by number (caller view, blacklist check in the
-- IVR, repeat-caller priority, missed-call answers) use the keyed SM3 blind index of the normalised number.
-- Rows written before this version are sealed and indexed by Resealing in batches after start-up.
alter table cc_call alter column caller type text;
alter table cc_call add column caller_index bytea;
drop index cc_call_caller;
create index cc_call_caller_index on cc_call (caller_index, arrived_at desc);

alter table cc_blacklist alter column number type text;
alter table cc_blacklist add column number_index bytea;
drop index cc_blacklist_number;
create index cc_blacklist_number_index on cc_blacklist (number_index);

alter table cc_priority_caller alter column number type text;
alter table cc_priority_caller add column number_index bytea;
create unique index cc_priority_caller_number_index on cc_priority_caller (number_index);

alter table cc_callback_task alter column number type text;

-- 漏接回拨: one task per number and day, unique by the blind index now that the number itself is sealed.
alter table cc_missed_task drop constraint cc_missed_task_per_day;
alter table cc_missed_task alter column number type text;
alter table cc_missed_task add column number_index bytea;
create unique index cc_missed_task_per_day on cc_missed_task (number_index, day);
alter table cc_missed_call alter column number type text;
alter table cc_missed_call add column number_index bytea;
create index cc_missed_call_number_index on cc_missed_call (number_index);
