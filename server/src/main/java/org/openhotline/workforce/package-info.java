/**
 * Workforce management (人力排班与现场管理): the call forecast per half hour (weekly and daily shape, holidays and
 * make-up days from the business calendar, trend, manual event adjustments), the agents each half hour needs (Erlang C,
 * and Erlang A when callers' patience is known), monthly rosters solved with Timefold Solver against those needs and
 * the roster rules, swap and leave requests, and adherence — scheduled against actual agent states, live. Owns the
 * {@code wf_*} tables. Reads the call center's {@code rpt_source_call} view (its published contract for call history,
 * ADR 004) and keeps its own copy of agent state intervals from {@link org.openhotline.callcenter.AgentStateRecorded};
 * depends on identity for agents' names and teams' members, on calendar for working days.
 * Inside, {@code internal} is grouped by sub-domain: {@code staffing} (Erlang C/A), {@code forecast},
 * {@code roster} (templates, rules, the solver, requests) and {@code adherence}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce",
        allowedDependencies = {"callcenter", "calendar", "identity", "shared"})
package org.openhotline.workforce;
