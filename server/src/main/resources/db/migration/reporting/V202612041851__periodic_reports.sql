-- Periodic analysis reports (分析报告, seeds 003/004): one row per kind and period, the generated .docx kept in
-- the row. The scheduler inserts the row it is about to generate, so a period is generated once; regenerating
-- replaces the document and keeps the manager's commentary.
create table rpt_periodic_report (
    id            bigserial primary key,
    kind          varchar(10)  not null check (kind in ('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')),
    period_from   date         not null,
    period_to     date         not null,
    due_on        date         not null,   -- publish by (monthly: the 8th working day after the month)
    state         varchar(12)  not null check (state in ('GENERATING', 'DRAFT', 'PUBLISHED', 'FAILED')),
    progress      int          not null default 0,
    commentary    text,
    content       text,        -- the figures as generated (ReportContent as JSON)
    document      bytea,       -- the .docx as published (drafts are built from content and commentary)
    error         varchar(500),
    generated_at  timestamptz,
    published_at  timestamptz,
    published_by  varchar(50),
    created_at    timestamptz  not null,
    version       int          not null default 0,
    unique (kind, period_from)
);
create index rpt_periodic_report_list on rpt_periodic_report (period_from desc, id desc);

-- The big screen counts the assignments past their deadline without a reply on every push.
create index rpt_assignment_fact_open_due on rpt_assignment_fact (handle_due_at) where replied_at is null;
