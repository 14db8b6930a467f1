-- A busy bucket's counter split over a few rows (issue 14, bench/channels/portal): every request from one address
-- (all of them, behind a proxy that does not forward the client's address; a carrier's NAT) updated the same row,
-- and each waited for the previous one's commit. A hit now updates one of eight rows and reads the others' sum.
alter table ch_rate_hit add column shard smallint not null default 0;
alter table ch_rate_hit drop constraint ch_rate_hit_pkey;
alter table ch_rate_hit add primary key (bucket, window_start, shard);
