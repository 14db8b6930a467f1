-- 派单目录 (dispatch catalogue): the editable draft rules, the published versions (snapshots the matcher reads), what
-- each dispatch followed, and the auto-dispatch setting (off while null).
create table wo_dispatch_rule (
    id                 bigserial primary key,
    position           int          not null,
    name               varchar(100) not null,
    category_id        bigint references wo_category (id),
    region_id          bigint,
    appeal_type        varchar(16),
    keywords           text[]       not null default '{}',
    main_unit_id       bigint       not null,
    local              boolean      not null default false,
    assisting_unit_ids bigint[]     not null default '{}',
    note               varchar(500),
    enabled            boolean      not null default true,
    version            int          not null default 0,
    updated_by         varchar(50)  not null,
    updated_at         timestamptz  not null
);
create index wo_dispatch_rule_position on wo_dispatch_rule (position, id);

create table wo_dispatch_catalogue (
    version      int primary key,
    rules        jsonb        not null,
    rule_count   int          not null,
    note         varchar(500),
    published_by varchar(50)  not null,
    published_at timestamptz  not null
);

create table wo_dispatch_basis (
    id                bigserial primary key,
    work_order_id     bigint      not null references work_order (id),
    kind              varchar(12) not null check (kind in ('RULE', 'SUGGESTION', 'AUTO', 'MANUAL')),
    rule_id           bigint,
    catalogue_version int,
    rank              int,
    score             double precision,
    main_unit_id      bigint      not null,
    by_user           varchar(50) not null,
    at                timestamptz not null
);
create index wo_dispatch_basis_order on wo_dispatch_basis (work_order_id, id);
create index wo_dispatch_basis_at on wo_dispatch_basis (at);

create table wo_dispatch_setting (
    id             int primary key check (id = 1),
    auto_threshold double precision check (auto_threshold is null or auto_threshold between 0.5 and 1),
    version        int not null default 0
);
insert into wo_dispatch_setting (id) values (1);
