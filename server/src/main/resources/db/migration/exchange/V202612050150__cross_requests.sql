-- Returns and extensions asked across the pipe (issue 15): a unit of the city asks for more time on, or to return, an
-- order the province handed down; the province decides and the decision flows back. This is the deciding side's
-- copy of each request (the asking side keeps its own in wo_request).
create table ex_cross_request (
    id             bigserial primary key,
    counterpart    varchar(40)  not null references ex_counterpart (code),
    order_key      varchar(120) not null,
    remote_id      bigint       not null,              -- the request's id on the asking side
    work_order_id  bigint       not null,              -- our order (the one we handed over)
    kind           varchar(10)  not null check (kind in ('RETURN', 'EXTENSION')),
    reason         varchar(2000) not null,
    amount         int,
    unit           varchar(15),
    unit_label     varchar(10),
    unit_name      varchar(100),
    requested_at   timestamptz  not null,
    state          varchar(10)  not null default 'PENDING' check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by     varchar(50),
    decided_at     timestamptz,
    note           varchar(2000),
    version        int          not null default 0,
    unique (counterpart, order_key, remote_id)
);
create index ex_cross_request_pending on ex_cross_request (requested_at) where state = 'PENDING';
