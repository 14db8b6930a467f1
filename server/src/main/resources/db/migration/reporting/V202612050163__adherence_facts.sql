-- Adherence as reporting facts (issue 16): one row per agent and closed day, kept from workforce's AgentDayClosed
-- (the latest close wins). 排班遵从度 = seconds on the phones inside the shift ÷ seconds scheduled; 出勤符合度 =
-- seconds signed in ÷ seconds scheduled, an agent's day counted at most as scheduled (the KPI is a share of time).
create table rpt_adherence_fact (
    account_id  bigint      not null,
    day         date        not null,
    day_start   timestamptz not null,
    scheduled_s bigint      not null,
    adhering_s  bigint      not null,
    signed_in_s bigint      not null,
    closed_at   timestamptz not null,
    primary key (account_id, day)
);
create index rpt_adherence_fact_day on rpt_adherence_fact (day_start);

alter table rpt_kpi drop constraint if exists rpt_kpi_source_check;
alter table rpt_kpi add constraint rpt_kpi_source_check
    check (source in ('CALL', 'STATE', 'ORDER', 'ASSIGNMENT', 'CALLBACK', 'KNOWLEDGE', 'QC', 'ADHERENCE', 'NONE'));

insert into rpt_kpi (code, name, source, unit, numerator, denominator, threshold_s, grades, target, higher_is_better, exemption, seed, sort) values
('schedule-adherence', '排班遵从度', 'ADHERENCE', 'PERCENT', '班次内在线（示闲、振铃、通话、保持、话后整理）秒数', '排班秒数', null, null, 90, true, null, '003/004 现场管理', 236),
('schedule-conformance', '出勤符合度', 'ADHERENCE', 'PERCENT', '签入秒数（每人每天最多计排班秒数）', '排班秒数', null, null, 95, true, null, '003/004 现场管理', 238);
