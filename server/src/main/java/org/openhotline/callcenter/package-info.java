/**
 * Call center: agents with skills and levels, skill groups with their routing strategy, agent states, the
 * event-driven ACD that decides who gets which call the moment a call queues or an agent becomes ready,
 * routing by called and caller number, blacklist and priority callers, call records and the team leader's
 * seat wall. Owns the {@code cc_*} tables. Publishes {@link org.openhotline.callcenter.AgentStateChanged} and
 * call events; depends on organization and identity facades for staff, on the work-order module's {@code CallerOrders}
 * (the caller view, the agent's to-do list), on the calendar's {@code BusinessCalendar} (working days for the IVR's
 * working-hours check), and drives the telephony library's
 * engine for the calls themselves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Call center")
package org.openhotline.callcenter;
