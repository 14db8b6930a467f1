-- The singletons' lease (docs/adr/050-cluster.md): one row per lease. A node holds it while expires_at lies ahead in
-- the database's clock (one clock for all nodes, so skewed machine clocks do not matter); every change of holder
-- raises the epoch, and writes made under the lease lock this row shared and check the epoch before they commit
-- (fencing), so a node that lost the lease cannot write.
create table cluster_lease (
    name        varchar(64) primary key,
    holder      varchar(128) not null,
    epoch       bigint       not null,
    acquired_at timestamptz  not null,
    expires_at  timestamptz  not null
);
