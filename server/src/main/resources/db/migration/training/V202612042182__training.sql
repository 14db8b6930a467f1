-- Training and exams (培训考试): question bank, papers (fixed or drawn by rules), exams with one timed sitting per
-- agent, answers with automatic and manual grading, materials with learning records, hot-topic notices every agent
-- confirms within 24 h, training sessions with attendance.
create table tr_question (
    id          bigserial primary key,
    category    varchar(40)   not null,
    difficulty  int           not null default 2 check (difficulty between 1 and 5),
    kind        varchar(12)   not null check (kind in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL', 'SHORT')),
    stem        varchar(2000) not null,
    options     text[]        not null default '{}',
    answer      varchar(1000) not null,
    analysis    varchar(2000),
    active      boolean       not null default true,
    created_at  timestamptz   not null
);
create index tr_question_pick on tr_question (category, kind, difficulty) where active;

create table tr_paper (
    id          bigserial primary key,
    name        varchar(100) not null,
    mode        varchar(6)   not null check (mode in ('FIXED', 'RULES')),
    minutes     int          not null check (minutes between 1 and 600),
    pass_score  int          not null default 60,
    rules       varchar(4000),
    created_by  bigint       not null,
    created_at  timestamptz  not null
);

create table tr_paper_question (
    paper_id     bigint not null references tr_paper (id) on delete cascade,
    question_id  bigint not null references tr_question (id),
    points       int    not null check (points between 1 and 100),
    sort         int    not null,
    primary key (paper_id, question_id)
);

create table tr_exam (
    id          bigserial primary key,
    paper_id    bigint       not null references tr_paper (id),
    name        varchar(100) not null,
    opens_at    timestamptz  not null,
    closes_at   timestamptz  not null,
    created_by  bigint       not null,
    created_at  timestamptz  not null
);
create index tr_exam_closes on tr_exam (closes_at);

create table tr_sitting (
    id              bigserial primary key,
    exam_id         bigint       not null references tr_exam (id) on delete cascade,
    account_id      bigint       not null,
    started_at      timestamptz  not null,
    due_at          timestamptz  not null,
    submitted_at    timestamptz,
    auto_submitted  boolean      not null default false,
    status          varchar(10)  not null default 'SITTING',
    score           numeric(6,1),
    passed          boolean,
    unique (exam_id, account_id)
);
create index tr_sitting_open on tr_sitting (due_at) where status = 'SITTING';

create table tr_answer (
    sitting_id   bigint        not null references tr_sitting (id) on delete cascade,
    question_id  bigint        not null references tr_question (id),
    sort         int           not null,
    max_points   int           not null,
    answer       varchar(4000),
    points       numeric(5,1),
    graded_by    bigint,
    comment      varchar(500),
    primary key (sitting_id, question_id)
);

create table tr_material (
    id                    bigserial primary key,
    title                 varchar(200) not null,
    kind                  varchar(10)  not null check (kind in ('DOCUMENT', 'VIDEO', 'LINK', 'KNOWLEDGE')),
    url                   varchar(1000),
    knowledge_article_id  bigint,
    category              varchar(40)  not null default '通用',
    created_at            timestamptz  not null
);

create table tr_learning (
    material_id  bigint      not null references tr_material (id) on delete cascade,
    account_id   bigint      not null,
    first_at     timestamptz not null,
    last_at      timestamptz not null,
    seconds      int         not null default 0,
    completed    boolean     not null default false,
    primary key (material_id, account_id)
);

create table tr_notice (
    id            bigserial primary key,
    title         varchar(200)  not null,
    body          varchar(8000) not null,
    published_at  timestamptz   not null,
    due_at        timestamptz   not null,
    created_by    bigint        not null
);

create table tr_notice_ack (
    notice_id     bigint      not null references tr_notice (id) on delete cascade,
    account_id    bigint      not null,
    read_at       timestamptz not null,
    confirmed_at  timestamptz,
    primary key (notice_id, account_id)
);

create table tr_session (
    id         bigserial primary key,
    title      varchar(200) not null,
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null,
    place      varchar(100),
    trainer    varchar(50)
);

create table tr_attendance (
    session_id  bigint      not null references tr_session (id) on delete cascade,
    account_id  bigint      not null,
    status      varchar(8)  not null check (status in ('PRESENT', 'LATE', 'ABSENT')),
    primary key (session_id, account_id)
);
