-- 质检组长 (qc:lead: templates, plans, second inspection of appeals, calibration reference) is new: existing
-- installations give it to the role that gets it on a fresh one (MANAGER). On a fresh database role_permission is
-- still empty here and the start-up seed fills it.
insert into role_permission (role, permission)
select 'MANAGER', 'qc:lead'
 where exists (select 1 from role_permission)
on conflict do nothing;
