-- Team membership over time (班组 history): a KPI counts an agent's call, state or QC result with the team the agent
-- was in at that moment, not today's. One row per stretch [valid_from, valid_to); valid_to null: still a member.
create table rpt_team_membership (
    account_id bigint      not null,
    team_id    bigint      not null,
    team_name  varchar(30) not null,
    valid_from timestamptz not null,
    valid_to   timestamptz,
    primary key (account_id, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
create index rpt_team_membership_team on rpt_team_membership (team_id, valid_from);

-- Today's members, from the time the audit trail shows a person created their team. Teams the platform seeded
-- (audited as 'system': the demo city's) or with no audit entry are taken as always having had them — nothing
-- recorded says when an agent joined before this table existed.
insert into rpt_team_membership (account_id, team_id, team_name, valid_from)
select t.account_id, t.team_id, t.team_name,
       coalesce((select min(e.at) from audit_event e
                  where e.action = 'callcenter.team.created' and e.target = 'team:' || t.team_id
                    and e.actor <> 'system'), 'epoch'::timestamptz)
  from rpt_agent_team t;
