-- ADR 017: the yellow and red lists count and page within the caller's data scope from wo_light alone.
--
-- An order is in a caller's scope when its owner_path or the unit_path of any of its assignments (a returned or
-- transferred one included) starts with the caller's path. Testing that on the order row made the red list's total
-- read ~8,000 wide order rows at random (1.0 s per call at a million orders, 60 % of the database's time under the
-- capacity bench's mix). wo_light now carries those paths (sorted, without repeats), written by wo_refresh_lights,
-- which every step that adds an assignment already calls for its order.

-- The paths whose subtrees see an order: its owner's and each of its assignments' units'.
create function wo_scope_paths(owner varchar, order_id bigint) returns varchar[] language sql stable as $$
    select array(select p from (select owner as p
                                union
                                select a.unit_path from wo_assignment a where a.work_order_id = order_id) s
                  order by p)
$$;

alter table wo_light add column scope_paths varchar[];
delete from wo_light l where not exists (select 1 from work_order w where w.id = l.work_order_id);
update wo_light l set scope_paths = wo_scope_paths(w.owner_path, w.id) from work_order w where w.id = l.work_order_id;
alter table wo_light alter column scope_paths set not null;

-- Besides the light, the scope paths of each given order are reconciled: a dispatch, a transfer or a re-dispatch
-- adds an assignment without changing the light, and the new unit must see the order in its red list at once.
-- A row already right is not written (no dead tuple, no WAL for the light sweep's many unchanged orders).
create or replace function wo_refresh_lights(order_ids bigint[]) returns void language sql as $$
    with x as (
        select o.id, o.created_at, wo_scope_paths(o.owner_path, o.id) as scope_paths,
               case greatest(
                   case when o.state in ('PENDING_DISPATCH', 'PENDING_CALLBACK') then wo_light_rank(o.stage_light) else 0 end,
                   coalesce((select max(greatest(case when a.state = 'PENDING_SIGN' then wo_light_rank(a.sign_light) else 0 end,
                                                 wo_light_rank(a.handle_light)))
                               from wo_assignment a
                              where a.work_order_id = o.id and a.state in ('PENDING_SIGN', 'HANDLING', 'RETURN_REQUESTED')), 0))
               when 2 then 'RED' when 1 then 'YELLOW' else 'GREEN' end as light
          from work_order o where o.id = any(order_ids)),
    changed as (
        update work_order w set light = x.light from x where w.id = x.id and w.light <> x.light),
    greened as (
        delete from wo_light l using x where l.work_order_id = x.id and x.light = 'GREEN')
    insert into wo_light (work_order_id, light, created_at, scope_paths)
    select x.id, x.light, x.created_at, x.scope_paths from x
     where x.light <> 'GREEN'
       and not exists (select 1 from wo_light l
                        where l.work_order_id = x.id and l.light = x.light and l.scope_paths = x.scope_paths)
    on conflict (work_order_id) do update set light = excluded.light, scope_paths = excluded.scope_paths
$$;
