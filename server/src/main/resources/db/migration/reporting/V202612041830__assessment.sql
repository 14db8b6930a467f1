-- Issue 11, assessment: KPI definitions edited on a screen (optimistic version), exemptions, the scoring schemes
-- of the unit KPI report (004) and of the operator assessment (000), and the operator's complaints and praises.

alter table rpt_kpi add column version int not null default 0;
-- 004: a month with at least this many answered calls (人工接电量) is left out of a longer figure of this KPI.
alter table rpt_kpi add column exempt_month_answered int check (exempt_month_answered > 0);
update rpt_kpi set exempt_month_answered = 172000 where code = 'answer-rate-20s';

-- 004 成员单位 KPI: 及时退单率 — a unit that is not responsible returns the order within the sign-for time limit.
insert into rpt_kpi (code, name, source, unit, numerator, denominator, threshold_s, grades, target, higher_is_better, exemption, seed, sort)
values ('return-timeliness', '及时退单率', 'ASSIGNMENT', 'PERCENT', '在签收时限内申请退回的已批准退单',
        '批准退回的派单（退单）', null, null, 100, true, null, '004 成员单位 KPI 统计报表', 145);

-- 003: a manager exempts a period (an emergency) from some KPIs; its rows leave numerator and denominator.
create table rpt_kpi_exemption (
    id         bigserial primary key,
    codes      text[]       not null,
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null check (ends_at > starts_at),
    reason     varchar(300) not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null
);

-- A scoring scheme is versioned: an edit adds version + 1, reports state the version they used.
-- kind UNIT: 成员单位 KPI (004); AGENT: 话务员考核 (000), with complaint deductions and bonuses.
create table rpt_scheme (
    kind             varchar(8)   not null check (kind in ('UNIT', 'AGENT')),
    version          int          not null,
    complaint_weight numeric(6, 2),
    complaint_points numeric(6, 2),
    escalated_points numeric(6, 2),
    praise_points    numeric(6, 2),
    banner_points    numeric(6, 2),
    bonus_cap        numeric(6, 2),
    changed_by       varchar(100) not null,
    changed_at       timestamptz  not null,
    primary key (kind, version)
);
-- score = weight + (value − target) × points_per_pp (reversed when lower is better), kept within [0, weight + cap];
-- a KPI without a denominator in the period scores its weight.
create table rpt_scheme_item (
    kind          varchar(8)   not null,
    version       int          not null,
    code          varchar(40)  not null references rpt_kpi (code),
    weight        numeric(6, 2) not null,
    target        numeric(8, 2) not null,
    points_per_pp numeric(6, 2) not null,
    cap           numeric(6, 2) not null default 0,
    sort          int          not null,
    primary key (kind, version, code),
    foreign key (kind, version) references rpt_scheme (kind, version)
);
insert into rpt_scheme (kind, version, changed_by, changed_at) values ('UNIT', 1, 'system', now());
insert into rpt_scheme_item (kind, version, code, weight, target, points_per_pp, cap, sort) values
('UNIT', 1, 'sign-timeliness', 25, 98, 1, 0, 1),
('UNIT', 1, 'return-timeliness', 15, 100, 0.5, 0, 2),
('UNIT', 1, 'completion-on-time', 30, 100, 1, 0, 3),
('UNIT', 1, 'satisfaction', 30, 90, 1, 0, 4);
insert into rpt_scheme (kind, version, complaint_weight, complaint_points, escalated_points, praise_points,
                        banner_points, bonus_cap, changed_by, changed_at)
values ('AGENT', 1, 10, 1, 2, 0.5, 1, 5, 'system', now());
insert into rpt_scheme_item (kind, version, code, weight, target, points_per_pp, cap, sort) values
('AGENT', 1, 'answer-rate', 15, 95, 0.5, 0, 1),
('AGENT', 1, 'first-contact-resolution', 15, 70, 0.5, 0, 2),
('AGENT', 1, 'callback-24h-rate', 10, 100, 0.5, 0, 3),
('AGENT', 1, 'agent-satisfaction', 15, 96, 0.5, 0, 4);

-- 000 有理由投诉 (−1, −2 when escalated by leaders or media) and 表扬/锦旗: entered by hand for now, later by QC.
create table rpt_agent_adjustment (
    id         bigserial primary key,
    agent_id   bigint       not null,
    month      char(7)      not null,
    kind       varchar(20)  not null check (kind in ('COMPLAINT', 'COMPLAINT_ESCALATED', 'PRAISE', 'BANNER')),
    note       varchar(300) not null,
    source     varchar(10)  not null default 'MANUAL',
    created_by varchar(100) not null,
    created_at timestamptz  not null
);
create index rpt_agent_adjustment_month on rpt_agent_adjustment (month, agent_id);
