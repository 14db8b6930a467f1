-- Daily rollups of the KPIs (issue 11, speed): per day and per KPI, the additive parts of its formula — rows,
-- numerator, denominator (counts or sums of seconds) — by the dimensions a KPI page groups by. A page over whole days
-- adds these up and reads only the other days (today, a partial day, a day changed since its rollup) from the facts.
-- Nothing is filled here: on a large installation that would hold the start for minutes. KpiRollups fills the days in
-- the background, a month per source at a time, and until a day is filled its figures come from the facts.

-- One row per KPI, local day (the hotline clock's zone) and group; the columns a source has no dimension for stay null.
create table rpt_kpi_rollup (
    kpi_code  varchar(40) not null,
    day       date        not null,
    agent_id  bigint,
    group_id  text,
    unit_id   text,
    region    text,
    channel   text,
    r         bigint      not null,  -- rows of the denominator (a group shows when it has any)
    n         numeric     not null,  -- numerator: rows, or seconds
    d         numeric     not null   -- denominator: rows, or seconds
);
create index rpt_kpi_rollup_kpi_day on rpt_kpi_rollup (kpi_code, day);

-- Agent states: a state's seconds are capped at the end of the period it is counted in, so the rollup keeps what the
-- cap needs: rows and seconds of the states that ended (by end day, null while open) and the sum of their starts.
create table rpt_state_rollup (
    day         date        not null,
    agent_id    bigint      not null,
    state       varchar(30) not null,
    end_day     date,
    rows        bigint      not null,
    seconds     numeric     not null,  -- ended states: ended_at - started_at
    start_epoch numeric     not null   -- sum of extract(epoch from started_at)
);
create index rpt_state_rollup_day on rpt_state_rollup (day);

-- Which KPI's day is rolled up, with the definition version it was counted with; for a KPI that counts rows by "now"
-- (due but not yet signed), the rollup holds from computed_at until stale_after (the next due time of such a row).
create table rpt_kpi_rollup_day (
    kpi_code    varchar(40) not null,
    day         date        not null,
    version     int         not null,
    computed_at timestamptz not null,
    stale_after timestamptz,
    primary key (kpi_code, day)
);

-- Hours (UTC) in which a fact changed since the rollups were last brought up to date, by source. Written by the
-- triggers below in the transaction that changes the fact (a listener's or the rebuild's); no key, so concurrent
-- listeners never wait on each other here. A rolled-up day with a mark is read from the facts until it is refilled.
create table rpt_rollup_dirty (
    source varchar(20) not null,
    hour   timestamptz not null
);
create index rpt_rollup_dirty_source on rpt_rollup_dirty (source, hour);

create function rpt_rollup_mark_call() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty select distinct 'CALL', date_trunc('hour', arrived_at, 'UTC')
          from new_rows where arrived_at is not null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty select distinct 'CALL', date_trunc('hour', arrived_at, 'UTC')
          from old_rows where arrived_at is not null;
    end if;
    return null;
end $$;

create function rpt_rollup_mark_state() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty select distinct 'STATE', date_trunc('hour', started_at, 'UTC') from new_rows;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty select distinct 'STATE', date_trunc('hour', started_at, 'UTC') from old_rows;
    end if;
    return null;
end $$;

-- An order's row places its order KPIs by creation and closing, and its callbacks' exclusions live on it.
create function rpt_rollup_mark_order() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty
        select distinct x.source, date_trunc('hour', x.at, 'UTC')
          from new_rows o cross join lateral (values ('ORDER', o.created_at), ('ORDER', o.closed_at)) x(source, at)
         where x.at is not null
        union
        select 'CALLBACK', date_trunc('hour', b.at, 'UTC') from new_rows o join rpt_callback_fact b on b.order_id = o.order_id;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty
        select distinct x.source, date_trunc('hour', x.at, 'UTC')
          from old_rows o cross join lateral (values ('ORDER', o.created_at), ('ORDER', o.closed_at)) x(source, at)
         where x.at is not null;
    end if;
    return null;
end $$;

create function rpt_rollup_mark_assignment() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty select distinct 'ASSIGNMENT', date_trunc('hour', assigned_at, 'UTC')
          from new_rows where assigned_at is not null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty select distinct 'ASSIGNMENT', date_trunc('hour', assigned_at, 'UTC')
          from old_rows where assigned_at is not null;
    end if;
    return null;
end $$;

create function rpt_rollup_mark_callback() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty select distinct 'CALLBACK', date_trunc('hour', at, 'UTC') from new_rows;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty select distinct 'CALLBACK', date_trunc('hour', at, 'UTC') from old_rows;
    end if;
    return null;
end $$;

-- An upheld appeal regrades callbacks (改判) and makes dispatches wrong (MISDIRECTED) by rpt_exclusion itself.
create function rpt_rollup_mark_exclusion() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty
        select distinct 'CALLBACK', date_trunc('hour', b.at, 'UTC') from new_rows e join rpt_callback_fact b on b.order_id = e.order_id
        union
        select distinct 'ASSIGNMENT', date_trunc('hour', a.assigned_at, 'UTC') from new_rows e
          join rpt_assignment_fact a on a.order_id = e.order_id where a.assigned_at is not null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty
        select distinct 'CALLBACK', date_trunc('hour', b.at, 'UTC') from old_rows e join rpt_callback_fact b on b.order_id = e.order_id
        union
        select distinct 'ASSIGNMENT', date_trunc('hour', a.assigned_at, 'UTC') from old_rows e
          join rpt_assignment_fact a on a.order_id = e.order_id where a.assigned_at is not null;
    end if;
    return null;
end $$;

-- PostgreSQL allows transition tables on triggers of one event only: three triggers per table.
create trigger rpt_call_fact_rollup_i after insert on rpt_call_fact referencing new table as new_rows
    for each statement execute function rpt_rollup_mark_call();
create trigger rpt_call_fact_rollup_u after update on rpt_call_fact referencing old table as old_rows new table as new_rows
    for each statement execute function rpt_rollup_mark_call();
create trigger rpt_call_fact_rollup_d after delete on rpt_call_fact referencing old table as old_rows
    for each statement execute function rpt_rollup_mark_call();

create trigger rpt_agent_state_fact_rollup_i after insert on rpt_agent_state_fact referencing new table as new_rows
    for each statement execute function rpt_rollup_mark_state();
create trigger rpt_agent_state_fact_rollup_u after update on rpt_agent_state_fact referencing old table as old_rows new table as new_rows
    for each statement execute function rpt_rollup_mark_state();
create trigger rpt_agent_state_fact_rollup_d after delete on rpt_agent_state_fact referencing old table as old_rows
    for each statement execute function rpt_rollup_mark_state();

create trigger rpt_order_fact_rollup_i after insert on rpt_order_fact referencing new table as new_rows
    for each statement execute function rpt_rollup_mark_order();
create trigger rpt_order_fact_rollup_u after update on rpt_order_fact referencing old table as old_rows new table as new_rows
    for each statement execute function rpt_rollup_mark_order();
create trigger rpt_order_fact_rollup_d after delete on rpt_order_fact referencing old table as old_rows
    for each statement execute function rpt_rollup_mark_order();

create trigger rpt_assignment_fact_rollup_i after insert on rpt_assignment_fact referencing new table as new_rows
    for each statement execute function rpt_rollup_mark_assignment();
create trigger rpt_assignment_fact_rollup_u after update on rpt_assignment_fact referencing old table as old_rows new table as new_rows
    for each statement execute function rpt_rollup_mark_assignment();
create trigger rpt_assignment_fact_rollup_d after delete on rpt_assignment_fact referencing old table as old_rows
    for each statement execute function rpt_rollup_mark_assignment();

create trigger rpt_callback_fact_rollup_i after insert on rpt_callback_fact referencing new table as new_rows
    for each statement execute function rpt_rollup_mark_callback();
create trigger rpt_callback_fact_rollup_u after update on rpt_callback_fact referencing old table as old_rows new table as new_rows
    for each statement execute function rpt_rollup_mark_callback();
create trigger rpt_callback_fact_rollup_d after delete on rpt_callback_fact referencing old table as old_rows
    for each statement execute function rpt_rollup_mark_callback();

create trigger rpt_exclusion_rollup_i after insert on rpt_exclusion referencing new table as new_rows
    for each statement execute function rpt_rollup_mark_exclusion();
create trigger rpt_exclusion_rollup_u after update on rpt_exclusion referencing old table as old_rows new table as new_rows
    for each statement execute function rpt_rollup_mark_exclusion();
create trigger rpt_exclusion_rollup_d after delete on rpt_exclusion referencing old table as old_rows
    for each statement execute function rpt_rollup_mark_exclusion();
