-- Closed days of adherence (现场管理 → 报表): per agent with a published shift that day, the seconds scheduled, on the
-- phones inside the shift and signed in. Written by the daily close (and a manager's re-close), which publishes
-- AgentDayClosed in the same transaction; reporting's rebuild reads the view below (ADR 004 §7).
create table wf_adherence_day (
    account_id   bigint      not null,
    day          date        not null,
    day_start    timestamptz not null,
    scheduled_s  bigint      not null,
    adhering_s   bigint      not null,
    signed_in_s  bigint      not null,
    closed_at    timestamptz not null,
    primary key (account_id, day)
);

create view rpt_source_adherence as
select account_id, day, day_start, scheduled_s, adhering_s, signed_in_s, closed_at from wf_adherence_day;
