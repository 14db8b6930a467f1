-- Teams (班组): an agent belongs to at most one team; a team has a leader (an account, usually a 班长) whose
-- supervision powers can be limited to the agents of the teams it leads.
create table cc_team (
    id        bigserial primary key,
    name      varchar(30) not null unique,
    leader_id bigint references account (id),
    version   int         not null default 0
);
create index cc_team_leader on cc_team (leader_id);

alter table cc_agent add column team_id bigint references cc_team (id) on delete set null;
create index cc_agent_team on cc_agent (team_id);

-- One row: whether a team leader may supervise only its own teams' agents (the default) or every agent.
create table cc_team_policy (
    id              int     primary key check (id = 1),
    leaders_limited boolean not null default true,
    version         int     not null default 0
);
insert into cc_team_policy (id) values (1);
