-- 差评整改: a 差评 the 好差评 platform returned for rectification, a supervised task with its deadline and result.
create table ex_rectification (
    id            bigserial primary key,
    counterpart   varchar(40)  not null references ex_counterpart (code),
    order_key     varchar(120) not null,
    work_order_id bigint       not null,
    number        varchar(40)  not null,
    reason        varchar(2000) not null,
    due_at        timestamptz  not null,
    state         varchar(10)  not null default 'OPEN',    -- OPEN, DONE
    result        varchar(2000),
    done_by       varchar(50),
    done_at       timestamptz,
    created_at    timestamptz  not null,
    version       int          not null default 0,
    unique (counterpart, order_key)
);
create index ex_rectification_open on ex_rectification (due_at) where state = 'OPEN';
