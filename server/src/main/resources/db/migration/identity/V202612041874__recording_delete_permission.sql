-- 审批删除通话录音 (recording:delete) is new: existing installations give it to the role that gets it on a fresh one
-- (MANAGER). On a fresh database role_permission is still empty here and the start-up seed fills it.
insert into role_permission (role, permission)
select 'MANAGER', 'recording:delete'
 where exists (select 1 from role_permission)
on conflict do nothing;
