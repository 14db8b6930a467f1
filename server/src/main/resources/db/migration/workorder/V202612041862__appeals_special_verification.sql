-- Issue 18: units' appeals (工单申诉), special-order review (特殊单审核) and verification (工单核实).

-- An appeal of a handling unit against a judgment counted against it. One live appeal (not rejected) per order,
-- unit and kind: an upheld one stands, a pending one is being decided.
create table wo_appeal (
    id              bigserial primary key,
    work_order_id   bigint        not null references work_order (id),
    assignment_id   bigint        not null references wo_assignment (id),
    unit_id         bigint        not null,
    unit_path       varchar(200)  not null,
    unit_name       varchar(100)  not null,
    kind            varchar(30)   not null check (kind in ('DISSATISFIED_CALLBACK', 'MISDIRECTED', 'LATE_SIGN')),
    kpi_code        varchar(40)   not null,
    reason          varchar(2000) not null,
    attachment_ids  bigint[]      not null default '{}',
    judged_at       timestamptz   not null,
    window_ends_at  timestamptz   not null,
    state           varchar(12)   not null check (state in ('PENDING', 'ESCALATED', 'UPHELD', 'REJECTED')),
    submitted_by    varchar(50)   not null,
    submitted_name  varchar(100)  not null,
    submitted_at    timestamptz   not null,
    reviewed_by     varchar(50),
    reviewed_at     timestamptz,
    review_note     varchar(2000),
    decided_by      varchar(50),
    decided_at      timestamptz,
    decision_note   varchar(2000),
    version         int           not null default 0
);
create unique index wo_appeal_live on wo_appeal (work_order_id, unit_id, kind) where state <> 'REJECTED';
create index wo_appeal_queue on wo_appeal (state, submitted_at);
create index wo_appeal_unit on wo_appeal (unit_path text_pattern_ops, submitted_at);

-- Rules that flag an order special. KEYWORDS: any of the words in the title or content (leaders, media, mass
-- incidents); CONFIDENTIAL: the order is 保密件; REPEAT_CALLER: the same number called more than threshold times
-- in the last days_back days.
create table wo_special_rule (
    id         bigserial primary key,
    name       varchar(50)  not null,
    kind       varchar(20)  not null check (kind in ('CONFIDENTIAL', 'KEYWORDS', 'REPEAT_CALLER')),
    keywords   varchar(500),
    threshold  int check (threshold between 1 and 100),
    days_back  int check (days_back between 1 and 366),
    enabled    boolean      not null default true,
    version    int          not null default 0
);
insert into wo_special_rule (name, kind, keywords, threshold, days_back) values
    ('保密件', 'CONFIDENTIAL', null, null, null),
    ('涉及领导', 'KEYWORDS', '市长,书记,局长,区长,领导', null, null),
    ('涉及媒体', 'KEYWORDS', '记者,媒体,曝光,电视台,报社,网络舆情', null, null),
    ('群体性事件', 'KEYWORDS', '群体,集体上访,聚集,罢工,堵路', null, null),
    ('重复投诉', 'REPEAT_CALLER', null, 3, 30);

-- Why an order is special (the rules that matched at intake).
create table wo_special_flag (
    work_order_id bigint       not null references work_order (id),
    rule_id       bigint       not null,
    rule_name     varchar(50)  not null,
    detail        varchar(200),
    flagged_at    timestamptz  not null,
    primary key (work_order_id, rule_id)
);

-- The second reviews of a special order: before dispatch (DISPATCH) and before closing (CLOSE).
create table wo_special_review (
    id            bigserial primary key,
    work_order_id bigint        not null references work_order (id),
    gate          varchar(10)   not null check (gate in ('DISPATCH', 'CLOSE')),
    approved      boolean       not null,
    reason        varchar(2000) not null,
    by_user       varchar(50)   not null,
    by_name       varchar(100)  not null,
    at            timestamptz   not null
);
create index wo_special_review_order on wo_special_review (work_order_id, gate, at);

-- How a unit verified the matter before replying, with proof among the order's attachments.
create table wo_verification (
    id             bigserial primary key,
    work_order_id  bigint        not null references work_order (id),
    assignment_id  bigint        not null references wo_assignment (id),
    verifier       varchar(100)  not null,
    verified_at    timestamptz   not null,
    means          varchar(12)   not null check (means in ('ON_SITE', 'PHONE', 'DOCUMENTS')),
    note           varchar(2000),
    attachment_ids bigint[]      not null default '{}',
    recorded_by    varchar(50)   not null,
    recorded_name  varchar(100)  not null,
    recorded_at    timestamptz   not null
);
create index wo_verification_order on wo_verification (work_order_id, assignment_id);

-- Categories (and their sub-categories) whose replies need a verification first, set by the manager.
create table wo_verification_category (
    category_id bigint primary key references wo_category (id),
    set_by      varchar(50)  not null,
    set_at      timestamptz  not null
);

-- Upheld appeals for the reporting rebuild (ADR 004): the rows AppealDecided(upheld) gives rpt_exclusion.
create view rpt_source_exclusion as
select id as appeal_id, work_order_id as order_id, unit_id, kpi_code, decision_note as reason, decided_by,
       decided_at as at
  from wo_appeal where state = 'UPHELD';
