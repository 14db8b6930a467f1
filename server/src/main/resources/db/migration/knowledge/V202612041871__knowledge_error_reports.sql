-- 知识纠错: anyone who reads an article reports an error in it; editors accept (a revision fixes it) or reject with a
-- reason. fixed_at is when the fixing revision was published: 知识库更新及时率 counts fixes within 24 h of the report.
create table kb_error_report (
    id            bigserial primary key,
    article_id    bigint       not null references kb_article (id),
    kind          varchar(10)  not null check (kind in ('WRONG', 'OUTDATED', 'UNCLEAR')),
    note          varchar(500) not null,
    reporter_id   bigint       not null,
    reporter_name varchar(50)  not null,
    reported_at   timestamptz  not null,
    status        varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'REJECTED', 'FIXED')),
    decided_by    varchar(50),
    decided_at    timestamptz,
    reject_reason varchar(200),
    fixed_at      timestamptz,
    version       int          not null default 0
);
create index kb_error_report_queue on kb_error_report (status, reported_at);
create index kb_error_report_reporter on kb_error_report (reporter_id, reported_at desc);
create index kb_error_report_article on kb_error_report (article_id) where status = 'ACCEPTED';
