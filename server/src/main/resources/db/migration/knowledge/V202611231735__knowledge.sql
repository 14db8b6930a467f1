-- Knowledge base (知识库): categories with tiered access, articles with versions and review, usage counters
-- for the hot ranking, citations, misses (查无信息), personal favourites and notes, questions to units, the
-- synonym list and templates. The Lucene index under data-dir/index/knowledge is derived from these tables.

create table kb_category (
    id              bigserial primary key,
    parent_id       bigint references kb_category (id),
    name            varchar(60)  not null,
    -- PUBLIC: every staff member and (later) the citizens' portal; INTERNAL: staff only, optionally some roles;
    -- PRIVATE: a unit's own knowledge base (独立知识库), read and written by that unit's staff only.
    visibility      varchar(10)  not null check (visibility in ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    owner_node_id   bigint,
    owner_path      varchar(1000),
    read_roles      varchar(200) not null default '',
    edit_roles      varchar(200) not null default '',
    review_required boolean      not null default true,
    sort_order      int          not null default 0,
    version         int          not null default 0,
    created_at      timestamptz  not null,
    check (visibility <> 'PRIVATE' or owner_path is not null)
);
create index kb_category_parent on kb_category (parent_id, sort_order, id);

create table kb_article (
    id              bigserial primary key,
    category_id     bigint       not null references kb_category (id),
    title           varchar(200) not null,
    body_html       text         not null,
    body_text       text         not null,
    keywords        varchar(500) not null default '',
    regions         varchar(500) not null default '',
    source_policy   varchar(500) not null default '',
    effective_from  date,
    expires_on      date,
    state           varchar(12)  not null check (state in ('DRAFT', 'PENDING', 'PUBLISHED', 'UNPUBLISHED')),
    revision        int          not null default 1,
    author          varchar(50)  not null,
    submitted_by    varchar(50),
    reviewed_by     varchar(50),
    reviewed_at     timestamptz,
    review_comment  varchar(500),
    published_at    timestamptz,
    views           bigint       not null default 0,
    citations       bigint       not null default 0,
    expiry_reminded date,
    version         int          not null default 0,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index kb_article_category on kb_article (category_id, state, updated_at desc);
create index kb_article_state on kb_article (state, updated_at desc);
create index kb_article_expiry on kb_article (expires_on) where state = 'PUBLISHED';
create index kb_article_published on kb_article (published_at desc) where state = 'PUBLISHED';

create table kb_article_version (
    article_id  bigint       not null references kb_article (id),
    revision    int          not null,
    title       varchar(200) not null,
    body_html   text         not null,
    body_text   text         not null,
    keywords    varchar(500) not null,
    edited_by   varchar(50)  not null,
    edited_at   timestamptz  not null,
    note        varchar(200),
    primary key (article_id, revision)
);

create table kb_attachment (
    id           bigserial primary key,
    article_id   bigint       not null references kb_article (id),
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    data         bytea        not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  timestamptz  not null
);
create index kb_attachment_article on kb_attachment (article_id);

-- One row per article and day: the hot ranking sums a window of days.
create table kb_usage (
    article_id bigint not null references kb_article (id),
    day        date   not null,
    views      int    not null default 0,
    citations  int    not null default 0,
    primary key (article_id, day)
);
create index kb_usage_day on kb_usage (day, article_id);

create table kb_citation (
    id          bigserial primary key,
    article_id  bigint       not null references kb_article (id),
    revision    int          not null,
    context     varchar(20)  not null check (context in ('INTAKE', 'UNIT_REPLY', 'OTHER')),
    context_ref varchar(60),
    cited_by    varchar(50)  not null,
    cited_at    timestamptz  not null
);
create index kb_citation_article on kb_citation (article_id, cited_at desc);
create index kb_citation_ref on kb_citation (context_ref);

-- Searches that found nothing, grouped by normalised query (查无信息处理).
create table kb_miss (
    id          bigserial primary key,
    query       varchar(200) not null unique,
    times       int          not null default 1,
    first_at    timestamptz  not null,
    last_at     timestamptz  not null,
    last_by     varchar(50),
    handled     boolean      not null default false,
    handled_by  varchar(50),
    article_id  bigint references kb_article (id),
    note        varchar(500)
);
create index kb_miss_open on kb_miss (handled, last_at desc);

create table kb_favourite (
    account_id bigint      not null,
    article_id bigint      not null references kb_article (id),
    note       text        not null default '',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (account_id, article_id)
);

create table kb_question (
    id           bigserial primary key,
    question     varchar(300) not null,
    detail       text         not null default '',
    asked_by     varchar(50)  not null,
    asked_at     timestamptz  not null,
    unit_id      bigint       not null,
    unit_path    varchar(1000) not null,
    unit_name    varchar(100) not null,
    deadline     timestamptz  not null,
    state        varchar(10)  not null check (state in ('OPEN', 'ANSWERED', 'CONVERTED')),
    answer       text,
    answered_by  varchar(50),
    answered_at  timestamptz,
    article_id   bigint references kb_article (id),
    version      int          not null default 0
);
create index kb_question_unit on kb_question (unit_path text_pattern_ops, state, deadline);
create index kb_question_state on kb_question (state, asked_at desc);
create index kb_question_asker on kb_question (asked_by, asked_at desc);

create table kb_synonym (
    id         bigserial primary key,
    terms      varchar(300) not null unique,
    updated_by varchar(50),
    updated_at timestamptz  not null
);

create table kb_template (
    id         bigserial primary key,
    name       varchar(60)  not null unique,
    body_html  text         not null,
    keywords   varchar(200) not null default '',
    updated_at timestamptz  not null
);
