-- What each cluster node last heard from outside (docs/adr/050-cluster.md, decision 7): the moment the SIP proxy's
-- probe (Kamailio's OPTIONS, every 2 s) last reached it, in the database's clock. A lease holder cut off from the
-- proxy while another node is not gives the call center up to that node. One row per node name (new at each start);
-- rows not written for an hour are swept.
create table cluster_node (
    node       varchar(128) primary key,
    reached_at timestamptz,
    seen_at    timestamptz not null
);
