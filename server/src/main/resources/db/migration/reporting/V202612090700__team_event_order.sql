-- The team version of the newest TeamChanged applied to rpt_agent_team, per team. Listeners run on their own threads, so a
-- team's "created" (no members yet) can be handled after its "members set" and would wipe the members; the listener
-- now applies an event only if its version is not below the one already applied (see TeamAndKnowledgeFacts).
create table rpt_team_applied (
    team_id bigint      primary key,
    version integer not null
);
