/**
 * Agents and their states (坐席状态). {@link AgentRoster} holds agents (工号, extension, skills with levels 1–5);
 * {@link AgentDesk} is the one place an agent's state changes — chosen at the phone bar, forced by a leader, or
 * driven by calls — logging it ({@link AgentStateLog}), showing it ({@link SeatBoard}), telling the ACD and publishing
 * {@link org.openhotline.callcenter.AgentStateChanged}. The desk's live stream ({@link DeskEvents}, {@link DeskController})
 * and the rule that an agent whose browser is gone stops getting calls ({@link AbandonedDesks}) live here too, with
 * the agent's figures of the day ({@link AgentDay}).
 */
package org.openhotline.callcenter.internal.agents;
