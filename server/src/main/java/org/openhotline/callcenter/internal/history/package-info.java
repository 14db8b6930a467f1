/**
 * The demo year of calls (hotline.demo.history): a small simulation of the hotline's ACD over the plan's days (calls
 * arriving in the day's hourly shape, agents on duty by the load, each call waiting for the first free agent of its
 * skill, callers giving up after their patience), written by COPY into cc_call and cc_agent_state_log, so the call
 * records, the agents' states and every call KPI agree with each other.
 */
package org.openhotline.callcenter.internal.history;
