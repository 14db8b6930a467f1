/**
 * Online chat (在线客服): the portal's chat widget and WeChat conversations that ask for 人工, routed by the call
 * center's ACD ({@code callcenter.ChatDistribution}) as its second medium, so chats go to the same skill groups and
 * agents as calls, within each agent's chat capacity. Every message is numbered per chat and stored before it is
 * pushed: a client that reconnects asks for the messages after the last number it saw (the citizen over the
 * WebSocket, the desk over REST), and a resent message carries its client id, so it counts once. The desk side:
 * canned replies, transfer, a team leader joining, chat → order with the transcript attached, the satisfaction
 * question at the end; outside opening hours the citizen leaves a message that becomes an online order.
 */
package org.openhotline.channels.internal.chat;
