-- 在线修订: a new version of a published article, written and reviewed while the published one stays live.
-- At most one per article; on approval its content replaces the article's (kept in kb_article_version under
-- the same revision number) and the row is deleted.
create table kb_article_revision (
    article_id     bigint       primary key references kb_article (id),
    revision       int          not null,
    category_id    bigint       not null references kb_category (id),
    title          varchar(200) not null,
    body_html      text         not null,
    body_text      text         not null,
    keywords       varchar(500) not null default '',
    regions        varchar(500) not null default '',
    source_policy  varchar(500) not null default '',
    effective_from date,
    expires_on     date,
    state          varchar(12)  not null check (state in ('DRAFT', 'PENDING')),
    edited_by      varchar(50)  not null,
    edited_at      timestamptz  not null,
    submitted_by   varchar(50),
    reviewed_by    varchar(50),
    reviewed_at    timestamptz,
    review_comment varchar(500),
    version        int          not null default 0
);
create index kb_article_revision_state on kb_article_revision (state);
