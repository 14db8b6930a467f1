-- Teams for grouping and filtering agent KPIs: the call center publishes each team's current members; reports use
-- today's membership (an agent who changed teams counts with the new team for past periods too).
create table rpt_agent_team (
    account_id bigint      primary key,
    team_id    bigint      not null,
    team_name  varchar(30) not null
);
create index rpt_agent_team_team on rpt_agent_team (team_id);

-- One row per knowledge error report: when it came in, where it stands, when the revision fixing it was published.
create table rpt_kb_fix_fact (
    report_id   bigint      primary key,
    article_id  bigint      not null,
    status      varchar(10) not null,
    reported_at timestamptz not null,
    fixed_at    timestamptz
);
create index rpt_kb_fix_fact_reported on rpt_kb_fix_fact (reported_at);

alter table rpt_kpi drop constraint if exists rpt_kpi_source_check;
alter table rpt_kpi add constraint rpt_kpi_source_check
    check (source in ('CALL', 'STATE', 'ORDER', 'ASSIGNMENT', 'CALLBACK', 'KNOWLEDGE', 'NONE'));

insert into rpt_kpi (code, name, source, unit, numerator, denominator, threshold_s, grades, target, higher_is_better,
                     exemption, seed, sort)
values ('knowledge-update-timeliness', '知识库更新及时率', 'KNOWLEDGE', 'PERCENT',
        '纠错报告后 N 秒内发布修订的报告数', '已修订发布，或报告已超过 N 秒的纠错报告', 86400, null, 100, true, null,
        '003 接到通知 24 小时内更新', 250)
on conflict (code) do nothing;
