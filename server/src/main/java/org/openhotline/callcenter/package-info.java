/**
 * Call center: agents with skills and levels, skill groups with their routing strategy, agent states, the
 * event-driven ACD that decides who gets which call the moment a call queues or an agent becomes ready,
 * routing by called and caller number, blacklist and priority callers, call records and the team leader's
 * seat wall. Owns the {@code cc_*} tables. Publishes {@link org.openhotline.callcenter.AgentStateChanged} and
 * call events; depends on the identity facade for staff, on the work-order module's {@code CallerOrders}
 * (the caller view, the agent's to-do list), on the calendar's {@code BusinessCalendar} for a number's working
 * hours (holidays and make-up days included), and drives the telephony library's engine for the calls themselves.
 * Teams of agents ({@code internal/teams}, publishing {@link org.openhotline.callcenter.TeamChanged}) and the control
 * of recordings — deletion on a second person's approval, retention sweeps ({@code internal/recordings}) — live in
 * their own folders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Call center",
        allowedDependencies = {"identity", "workorder", "calendar", "shared"})
package org.openhotline.callcenter;
