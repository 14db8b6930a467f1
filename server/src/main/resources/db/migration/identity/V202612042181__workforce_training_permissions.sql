-- 排班与话务预测 (workforce:manage) and 培训考试管理 (training:manage) are new: existing installations give them to the
-- role that gets them on a fresh one (MANAGER). On a fresh database role_permission is still empty here.
insert into role_permission (role, permission)
select 'MANAGER', p from (values ('workforce:manage'), ('training:manage')) as v(p)
 where exists (select 1 from role_permission)
on conflict do nothing;
