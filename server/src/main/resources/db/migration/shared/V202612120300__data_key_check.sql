-- Which personal-data keys the rows of this database are sealed under (docs/adr/050-cluster.md, decision 10): a check
-- value per key (HMAC-SHA256 under the key over a fixed text, 16 bytes hex), never the key. A node whose key of the
-- same name differs, or that lacks a key another node has used, does not start: it would seal rows the others cannot
-- open, or fail to open theirs.
create table data_key_check (
    name        varchar(16) primary key,
    check_value varchar(32) not null,
    recorded_at timestamptz not null default now()
);
