-- Reporting keeps its own facts, fed by the other modules' events (ADR 004) and rebuildable from their
-- rpt_source_* views. Every fact is keyed by the publisher's id so that a redelivered event changes nothing.

create table rpt_call_fact (
    call_id       varchar(64) primary key,
    direction     varchar(10),
    arrived_at    timestamptz,
    queued_at     timestamptz,
    group_id      bigint,
    group_at      timestamptz,   -- time of the event that set group_id: the latest one wins
    offered_at    timestamptz,
    agent_id      bigint,
    agent_at      timestamptz,
    answered_at   timestamptz,
    ended_at      timestamptz,
    abandon_point varchar(10),
    satisfaction  smallint,
    satisfaction_at timestamptz
);
create index rpt_call_fact_arrived on rpt_call_fact (arrived_at);
create index rpt_call_fact_agent on rpt_call_fact (agent_id, arrived_at);

-- One row per state an agent entered; an interval ends where the agent's next one starts.
create table rpt_agent_state_fact (
    account_id bigint      not null,
    started_at timestamptz not null,
    state      varchar(20) not null,
    primary key (account_id, started_at)
);
create index rpt_agent_state_fact_started on rpt_agent_state_fact (started_at);

create table rpt_order_fact (
    order_id            bigint primary key,
    number              varchar(20),
    channel             varchar(16),
    appeal_type         varchar(16),
    urgency             varchar(12),
    category_id         bigint,
    region_id           bigint,
    region_path         varchar(1000),
    created_at          timestamptz,
    direct_reply_at     timestamptz,
    first_dispatched_at timestamptz,
    closed_at           timestamptz,
    reopen_count        int not null default 0,
    urge_count          int not null default 0
);
create index rpt_order_fact_created on rpt_order_fact (created_at);
create index rpt_order_fact_region on rpt_order_fact (region_path text_pattern_ops);

create table rpt_assignment_fact (
    assignment_id bigint primary key,
    order_id      bigint,
    unit_id       bigint,
    unit_path     varchar(1000),
    role          varchar(8),
    assigned_at   timestamptz,
    sign_due_at   timestamptz,
    handle_due_at timestamptz,
    due_set_at    timestamptz,   -- time of the event that set handle_due_at (made, extended, reopened)
    signed_at     timestamptz,
    replied_at    timestamptz,   -- the standing reply; cleared when the assignment is reopened after it
    reopened_at   timestamptz
);
create index rpt_assignment_fact_order on rpt_assignment_fact (order_id);
create index rpt_assignment_fact_assigned on rpt_assignment_fact (assigned_at);
create index rpt_assignment_fact_unit on rpt_assignment_fact (unit_path text_pattern_ops);

-- Approved returns (RETURN_APPROVED) and extensions (EXTENSION_APPROVED), one row per decision.
create table rpt_assignment_decision (
    assignment_id bigint      not null,
    kind          varchar(20) not null,
    at            timestamptz not null,
    primary key (assignment_id, kind, at)
);

create table rpt_callback_fact (
    order_id     bigint      not null,
    at           timestamptz not null,
    resolved     boolean     not null,
    satisfaction varchar(20) not null,
    primary key (order_id, at)
);
create index rpt_callback_fact_at on rpt_callback_fact (at);

-- KPI definitions as data (DOMAIN.md "KPIs"): the manager may change thresholds, counted grades and targets.
-- The formula (which facts, numerator, denominator) is named by the code and described in words here.
create table rpt_kpi (
    code             varchar(40) primary key,
    name             varchar(40)  not null,
    source           varchar(12)  not null check (source in ('CALL', 'STATE', 'ORDER', 'ASSIGNMENT', 'CALLBACK', 'NONE')),
    unit             varchar(8)   not null check (unit in ('PERCENT', 'SECONDS')),
    numerator        varchar(200) not null,
    denominator      varchar(200) not null,
    threshold_s      int,
    grades           varchar(100),
    target           numeric(8, 2),
    higher_is_better boolean      not null default true,
    exemption        varchar(300),
    seed             varchar(100),
    sort             int          not null
);

insert into rpt_kpi (code, name, source, unit, numerator, denominator, threshold_s, grades, target, higher_is_better, exemption, seed, sort) values
('answer-rate', '人工接通率', 'CALL', 'PERCENT', '人工接听的来电数', '分配给人工座席（进入排队）的来电数', null, null, 95, true, null, '000 95%；002 月 98%；003 年 96%', 10),
('answer-rate-20s', '20秒接通率', 'CALL', 'PERCENT', '进入排队后 N 秒内人工接听的来电数', '分配给人工座席（进入排队）的来电数', 20, null, 88, true, '年度统计时，人工接通量 ≥ 172,000 的月份不计入（004）', '004 88%；GB/T 33358 15 秒', 20),
('abandon-rate', '呼损率', 'CALL', 'PERCENT', '排队或振铃中放弃的来电数', '分配给人工座席（进入排队）的来电数', null, null, 5, false, null, null, 30),
('avg-wait', '平均排队时长', 'CALL', 'SECONDS', '人工接听来电的排队秒数合计', '人工接听的来电数', null, null, 20, false, null, null, 40),
('avg-talk', '平均通话时长', 'CALL', 'SECONDS', '已结束通话的通话秒数合计', '人工接听且已结束的来电数', null, null, null, true, null, null, 50),
('avg-acw', '平均话后整理时长', 'STATE', 'SECONDS', '话后整理状态秒数合计', '话后整理次数', null, null, null, false, null, null, 60),
('occupancy', '坐席占用率', 'STATE', 'PERCENT', '振铃、通话、保持、话后整理的秒数', '上述秒数加示闲秒数', null, null, null, true, null, null, 70),
('survey-participation', '参评率', 'CALL', 'PERCENT', '有满意度评价的来电数', '人工接听的来电数', null, null, 40, true, null, '004 月 40%', 80),
('agent-satisfaction', '坐席服务满意率', 'CALL', 'PERCENT', '评价为计入等级的来电数', '有满意度评价的来电数', null, '1', 90, true, null, '004 90%；000 满意及以上 96%；003 仅满意 90%', 90),
('direct-reply-rate', '直接答复率', 'ORDER', 'PERCENT', '话务员直接答复的咨询件', '咨询件', null, null, 90, true, null, '002 80%；004 90%', 100),
('first-contact-resolution', '一次解决率', 'ORDER', 'PERCENT', '直接答复，或办结且未重办、未催单的咨询件', '咨询件', null, null, 70, true, null, '000 70%；002 50%', 110),
('dispatch-timeliness', '工单转派及时率', 'ORDER', 'PERCENT', '受理后 N 秒内首次派单的工单', '已派单的工单', 86400, null, 98, true, null, '004 98%', 120),
('dispatch-accuracy', '转办准确率', 'ASSIGNMENT', 'PERCENT', '未被批准退回的派单', '派单（主办、协办）', null, null, 95, true, null, '002 95%', 130),
('return-rate', '交办单退回率', 'ASSIGNMENT', 'PERCENT', '被批准退回的派单', '派单（主办、协办）', null, null, 1, false, null, '003 年 ≤1%', 140),
('sign-timeliness', '及时签收率', 'ASSIGNMENT', 'PERCENT', '签收时限内签收的派单', '已签收或签收已超时的派单（批准退回的除外）', null, null, 98, true, null, '004 98%', 150),
('completion-on-time', '按时办结率', 'ASSIGNMENT', 'PERCENT', '在（延期后的）办理时限内答复的派单', '已答复或办理已超时的派单（批准退回的除外）', null, null, 100, true, null, '002 100%', 160),
('callback-rate', '回访率', 'ORDER', 'PERCENT', '已回访的转办工单', '已办结的转办工单', null, null, 100, true, null, '003 转办工单的回访数量/办结工单数量 100%', 170),
('callback-24h-rate', '24小时回访及时率', 'ORDER', 'PERCENT', '主办单位答复后 N 秒内回访的工单', '主办单位已答复的工单', 86400, null, 100, true, null, '000 100%', 180),
('satisfaction', '满意率', 'CALLBACK', 'PERCENT', '评价为计入等级的回访', '回访', null, 'SATISFIED,BASICALLY_SATISFIED', 90, true, null, '90–98%，按安装计入等级', 190),
('online-response-rate', '网络工单回应率', 'ORDER', 'PERCENT', '受理后 N 秒内直接答复或签收的网络工单', '网络渠道（微信、网站、APP、短信、邮件）工单', 86400, null, 100, true, null, '003 100%', 200),
('extension-rate', '延期率', 'ASSIGNMENT', 'PERCENT', '批准延期的派单', '派单（主办、协办）', null, null, null, false, null, null, 210),
('reopen-rate', '重办率', 'ORDER', 'PERCENT', '回访不满意重办的工单', '已回访的工单', null, null, null, false, null, null, 220),
('qc-coverage', '质检率', 'NONE', 'PERCENT', '已质检的来电（质检模块建成前为 0）', '人工接听的来电数', null, null, 5, true, null, '004 5%；002 10%', 230),
('staff-turnover', '人员流失率', 'NONE', 'PERCENT', '离职人数（人员模块建成前为 0）', '（期初人数 + 期末人数）÷ 2', null, null, 8, false, null, '004 月 ≤8%；002 ≤5%', 240);
