-- Organization: one tree of regions (province → city → district → street → community) and of the hotline
-- center, workstations and handling units that hang under them. Data scope is "my node and below", answered
-- by a prefix match on the materialized path.
create extension if not exists pg_trgm;

create table org_node (
    id             bigserial primary key,
    parent_id      bigint references org_node (id),
    kind           varchar(20)  not null check (kind in ('PROVINCE','CITY','DISTRICT','STREET','COMMUNITY','CENTER','WORKSTATION','UNIT')),
    code           varchar(40)  not null unique,
    name           varchar(100) not null,
    path           varchar(1000) not null,
    depth          int          not null,
    duties         text,
    contact_person varchar(50),
    contact_phone  varchar(50),
    address        varchar(200),
    enabled        boolean      not null default true,
    sort_order     int          not null default 0,
    version        int          not null default 0,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index org_node_parent on org_node (parent_id, sort_order, id);
create index org_node_path on org_node (path text_pattern_ops);
create index org_node_kind on org_node (kind);
create index org_node_text on org_node using gin ((name || ' ' || coalesce(duties, '')) gin_trgm_ops);
