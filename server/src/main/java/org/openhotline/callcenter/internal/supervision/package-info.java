/**
 * The team leader's seat wall (班长监控): every seat's live state, the queues and chats, totals by team, and the
 * leader's actions on a seat — force a state, listen, whisper, barge in, take over — limited to the teams the leader
 * leads when the team policy says so.
 */
package org.openhotline.callcenter.internal.supervision;
