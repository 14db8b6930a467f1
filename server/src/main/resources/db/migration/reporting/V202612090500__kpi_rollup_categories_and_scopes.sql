-- Rollups for the pages that still read the facts (issue 11, speed): order figures by category and order figures
-- below the city (a district's or a unit's own, the unit KPI report). Teams need no rows of their own: a team's day is
-- its agents' rows of that day (KpiRollups joins rpt_team_membership when it reads, so a move or a rename counts at once).
--
-- A rollup row now says which cut of the day it is (grain): GROUPS (by agent, group, unit, region and channel, as
-- before), TOTAL (the hotline's own, formerly "total"), CATEGORY (by the order's category), SCOPE (every order, dispatch
-- or callback counted once under each org node whose data scope holds it, scope_path).
alter table rpt_kpi_rollup add column grain varchar(8) not null default 'GROUPS',
                           add column category_id text,
                           add column scope_path text;
update rpt_kpi_rollup set grain = 'TOTAL' where total;
drop index rpt_kpi_rollup_total;
alter table rpt_kpi_rollup drop column total;
alter table rpt_kpi_rollup alter column grain drop default;
create index rpt_kpi_rollup_total on rpt_kpi_rollup (kpi_code, day) where grain = 'TOTAL';
create index rpt_kpi_rollup_category on rpt_kpi_rollup (kpi_code, day) where grain = 'CATEGORY';
create index rpt_kpi_rollup_scope on rpt_kpi_rollup (scope_path, kpi_code, day) where grain = 'SCOPE';

-- The org nodes whose data scope ("path like :scope || '%'", Source.ORDER_SCOPE) holds a row with this path: the
-- path's own prefixes up to each '/' (paths are '/1/5/23/', so these are the node and its ancestors).
create function rpt_path_prefixes(path text) returns setof text language sql immutable as $$
    select left(path, i) from generate_series(1, length(path)) i where substr(path, i, 1) = '/'
$$;

-- An order's scope rows depend on its dispatches' units, a dispatch's on its order's region, and both on the order's
-- category: those changes mark the other source's days too.
create or replace function rpt_rollup_mark_order() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty
        select distinct x.source, date_trunc('hour', x.at, 'UTC')
          from new_rows o cross join lateral (values ('ORDER', o.created_at), ('ORDER', o.closed_at)) x(source, at)
         where x.at is not null
        union
        select 'CALLBACK', date_trunc('hour', b.at, 'UTC') from new_rows o join rpt_callback_fact b on b.order_id = o.order_id;
    end if;
    if tg_op = 'INSERT' then
        insert into rpt_rollup_dirty
        select distinct 'ASSIGNMENT', date_trunc('hour', a.assigned_at, 'UTC')
          from new_rows o join rpt_assignment_fact a on a.order_id = o.order_id where a.assigned_at is not null;
    end if;
    if tg_op = 'UPDATE' then
        insert into rpt_rollup_dirty
        select distinct 'ASSIGNMENT', date_trunc('hour', a.assigned_at, 'UTC')
          from new_rows n join old_rows o on o.order_id = n.order_id
          join rpt_assignment_fact a on a.order_id = n.order_id
         where a.assigned_at is not null
           and (n.region_path is distinct from o.region_path or n.category_id is distinct from o.category_id);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty
        select distinct x.source, date_trunc('hour', x.at, 'UTC')
          from old_rows o cross join lateral (values ('ORDER', o.created_at), ('ORDER', o.closed_at)) x(source, at)
         where x.at is not null;
    end if;
    if tg_op = 'DELETE' then
        insert into rpt_rollup_dirty
        select distinct 'ASSIGNMENT', date_trunc('hour', a.assigned_at, 'UTC')
          from old_rows o join rpt_assignment_fact a on a.order_id = o.order_id where a.assigned_at is not null;
    end if;
    return null;
end $$;

-- The order and callback hours of some orders (a dispatch of theirs came, went or moved to another unit).
create function rpt_rollup_mark_orders(orders bigint[]) returns void language sql as $$
    insert into rpt_rollup_dirty
    select distinct x.source, date_trunc('hour', x.at, 'UTC')
      from rpt_order_fact f cross join lateral (values ('ORDER', f.created_at), ('ORDER', f.closed_at)) x(source, at)
     where f.order_id = any(orders) and x.at is not null
    union
    select 'CALLBACK', date_trunc('hour', b.at, 'UTC') from rpt_callback_fact b where b.order_id = any(orders)
$$;

create or replace function rpt_rollup_mark_assignment() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into rpt_rollup_dirty select distinct 'ASSIGNMENT', date_trunc('hour', assigned_at, 'UTC')
          from new_rows where assigned_at is not null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into rpt_rollup_dirty select distinct 'ASSIGNMENT', date_trunc('hour', assigned_at, 'UTC')
          from old_rows where assigned_at is not null;
    end if;
    -- the scopes of the orders whose dispatches came, went or moved (a sign or a reply leaves them as they were)
    if tg_op = 'INSERT' then
        perform rpt_rollup_mark_orders(array(select distinct order_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform rpt_rollup_mark_orders(array(select distinct order_id from old_rows));
    else
        perform rpt_rollup_mark_orders(array(
            select distinct x.order_id from new_rows n join old_rows o on o.assignment_id = n.assignment_id
             cross join lateral (values (n.order_id), (o.order_id)) x(order_id)
             where n.order_id <> o.order_id or n.unit_path is distinct from o.unit_path));
    end if;
    return null;
end $$;

-- The days rolled up so far have no category and scope rows: forget them; KpiRollupFill counts them again in the
-- background, newest first, and until then a page reads those days from the facts.
delete from rpt_kpi_rollup_day;
delete from rpt_kpi_rollup;
