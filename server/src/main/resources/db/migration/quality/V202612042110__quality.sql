-- Quality inspection (质检): score templates and their immutable versions, sampling plans, inspections (a task
-- until submitted, then a result; appeals and second inspections change it in place and leave steps on its
-- timeline), calibration sessions and settings. Every editable row has a version: concurrent edits → 409.

create table qc_template (
    id              bigserial primary key,
    name            varchar(100) not null,
    kind            varchar(8)   not null check (kind in ('CALL', 'ORDER')),
    enabled         boolean      not null default true,
    current_version int          not null default 0,
    created_by      varchar(50)  not null,
    updated_at      timestamptz  not null,
    version         int          not null default 0
);

-- A result keeps the template version it was scored with: versions are never changed, a change makes a new one.
create table qc_template_version (
    id           bigserial primary key,
    template_id  bigint       not null references qc_template (id),
    number       int          not null,
    items        jsonb        not null,
    total_points numeric(6, 2) not null,
    created_by   varchar(50)  not null,
    created_at   timestamptz  not null,
    unique (template_id, number)
);

create table qc_plan (
    id            bigserial primary key,
    name          varchar(100) not null,
    template_id   bigint       not null references qc_template (id),
    month         varchar(7)   not null,
    share_percent numeric(5, 2) not null check (share_percent > 0 and share_percent <= 100),
    strata        jsonb        not null,
    long_call_s   int          not null default 600,
    inspector_ids bigint[]     not null,
    due_days      int          not null check (due_days between 1 and 30),
    seed          bigint,
    state         varchar(8)   not null check (state in ('DRAFT', 'DRAWN')),
    drawn_at      timestamptz,
    drawn_count   int,
    created_by    varchar(50)  not null,
    created_at    timestamptz  not null,
    version       int          not null default 0
);

create table qc_calibration (
    id                  bigserial primary key,
    title               varchar(100) not null,
    call_id             varchar(64)  not null,
    template_version_id bigint       not null references qc_template_version (id),
    reference           jsonb,
    reference_score     numeric(6, 2),
    created_by          varchar(50)  not null,
    created_at          timestamptz  not null,
    version             int          not null default 0
);

create table qc_inspection (
    id                  bigserial primary key,
    plan_id             bigint references qc_plan (id),
    calibration_id      bigint references qc_calibration (id),
    template_version_id bigint       not null references qc_template_version (id),
    call_id             varchar(64),
    order_id            bigint,
    agent_id            bigint       not null,
    inspector_id        bigint       not null,
    stratum             varchar(20),
    state               varchar(12)  not null check (state in ('ASSIGNED', 'DRAFT', 'SUBMITTED', 'CONFIRMED', 'APPEALED', 'REVIEWED')),
    due_at              timestamptz,
    answers             jsonb        not null default '{}',
    comments            jsonb        not null default '[]',
    summary             varchar(1000),
    score               numeric(6, 2),
    fatal               boolean      not null default false,
    first_score         numeric(6, 2),
    submitted_at        timestamptz,
    appeal_due_at       timestamptz,
    appeal_reason       varchar(1000),
    appealed_at         timestamptz,
    reviewer_id         bigint,
    review_reason       varchar(1000),
    reviewed_at         timestamptz,
    created_at          timestamptz  not null,
    version             int          not null default 0
);
create index qc_inspection_inspector on qc_inspection (inspector_id, state, due_at);
create index qc_inspection_agent on qc_inspection (agent_id, submitted_at desc);
create index qc_inspection_plan on qc_inspection (plan_id);
create index qc_inspection_call on qc_inspection (call_id);
create index qc_inspection_appealed on qc_inspection (appealed_at) where state = 'APPEALED';
create index qc_inspection_calibration on qc_inspection (calibration_id) where calibration_id is not null;

-- Every step of an inspection (assigned, submitted, confirmed, appealed, reviewed), shown as its timeline.
create table qc_step (
    id            bigserial primary key,
    inspection_id bigint       not null references qc_inspection (id),
    at            timestamptz  not null,
    actor         varchar(50)  not null,
    action        varchar(20)  not null,
    detail        varchar(1000)
);
create index qc_step_inspection on qc_step (inspection_id, at);

create table qc_setting (
    key   varchar(50) primary key,
    value varchar(200) not null
);
insert into qc_setting (key, value) values ('appeal-working-days', '3');
