-- 知识栏目管理 (knowledge:category) became its own permission: creating and editing knowledge columns was open to
-- anyone who could write knowledge, and a unit's private column to any of its staff. Existing installations give it
-- to the roles that get it on a fresh one (KB_EDITOR, MANAGER). On a fresh database role_permission is still empty
-- here and the seed at start-up fills it from Permission.defaultsOf, so nothing is inserted then.
insert into role_permission (role, permission)
select r.role, 'knowledge:category'
  from (values ('KB_EDITOR'), ('MANAGER')) as r(role)
 where exists (select 1 from role_permission)
on conflict do nothing;
