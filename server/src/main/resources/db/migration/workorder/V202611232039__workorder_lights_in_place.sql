-- Throughput at a million orders (ADR 003).
--
-- A light changes often (a million may flip within a minute) and an order row is wide (texts, grams). An update
-- that changes an indexed column writes a new entry into every index of the row, the GIN grams included; one that
-- changes no indexed column and finds room on its page is a HOT update, in place, with no index work. So the
-- order's light is no longer indexed, pages keep room for such updates, and the yellow and red orders are listed in
-- the narrow wo_light for the light filters (kept by wo_refresh_lights, the only writer of work_order.light).
alter table work_order set (fillfactor = 85);
alter table wo_assignment set (fillfactor = 90);
drop index work_order_light;

create table wo_light (
    work_order_id bigint      primary key references work_order (id),
    light         varchar(10) not null check (light in ('YELLOW', 'RED')),
    created_at    timestamptz not null
);
create index wo_light_list on wo_light (light, created_at desc, work_order_id desc);
insert into wo_light (work_order_id, light, created_at)
select id, light, created_at from work_order where light <> 'GREEN';

create or replace function wo_refresh_lights(order_ids bigint[]) returns void language sql as $$
    with x as (
        select o.id, o.created_at,
               case greatest(
                   case when o.state in ('PENDING_DISPATCH', 'PENDING_CALLBACK') then wo_light_rank(o.stage_light) else 0 end,
                   coalesce((select max(greatest(case when a.state = 'PENDING_SIGN' then wo_light_rank(a.sign_light) else 0 end,
                                                 wo_light_rank(a.handle_light)))
                               from wo_assignment a
                              where a.work_order_id = o.id and a.state in ('PENDING_SIGN', 'HANDLING', 'RETURN_REQUESTED')), 0))
               when 2 then 'RED' when 1 then 'YELLOW' else 'GREEN' end as light
          from work_order o where o.id = any(order_ids)),
    changed as (
        update work_order w set light = x.light from x where w.id = x.id and w.light <> x.light
        returning w.id, x.light, x.created_at),
    greened as (
        delete from wo_light l using changed c where l.work_order_id = c.id and c.light = 'GREEN')
    insert into wo_light (work_order_id, light, created_at)
    select id, light, created_at from changed where light <> 'GREEN'
    on conflict (work_order_id) do update set light = excluded.light
$$;

-- One small partial index per flag (a shared one made "difficult" scan every urged order), and urge order.
drop index work_order_flags;
create index work_order_supervised on work_order (created_at desc) where supervised;
create index work_order_difficult on work_order (created_at desc) where difficult;
create index work_order_urges on work_order (urge_count desc, created_at desc);
