-- A voicemail is handled (已处理) when the missed-call callback task it joined closes; the task links the two events.
alter table rpt_voicemail_fact add column task_id bigint;
create index rpt_voicemail_fact_task on rpt_voicemail_fact (task_id) where handled_at is null;
