-- 定制统计分析报表模板 (004): a report of the catalogue with the columns, dimension, granularity, filters and period
-- someone picked, saved under a name and, when shared, offered to everyone who reads reports. Running one applies the
-- runner's own data scope: a shared template never widens what a unit leader sees.
create table rpt_report_template (
    id           bigserial    primary key,
    name         varchar(50)  not null,
    report_code  varchar(60)  not null,
    columns      varchar(1000) not null default '',
    by_dim       varchar(30),
    granularity  varchar(10)  not null,
    period       varchar(20)  not null,
    filters      jsonb        not null default '{}',
    shared       boolean      not null default false,
    owner_id     bigint       not null,
    owner_name   varchar(100) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      int          not null default 0,
    unique (owner_id, name)
);
create index rpt_report_template_shared on rpt_report_template (shared) where shared;
