package org.openhotline.channels.internal.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.channels.internal.portal.Grade;
import org.openhotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's side of a chat, {@code /api/portal/chat/ws} (public, like the portal). JSON frames:
 * {@code start {name, phone, group}}, {@code resume {chatId, token, after}}, {@code send {clientId, text}},
 * {@code end}, {@code rate {grade}}, {@code leave {name, phone, text, clientId}}, {@code ping}. The server answers
 * {@code started}, {@code queue {position}}, {@code state}, {@code message {seq…}}, {@code ack {clientId, seq}},
 * {@code ended {askRating}}, {@code offline}, {@code left {number, queryCode}}, {@code error {detail}}. A line is
 * acknowledged only once stored; the client resends what was not acknowledged (same clientId) after a reconnect.
 */
@Component
class CitizenChatSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(CitizenChatSocket.class);
    private static final String CHAT = "chatId";

    private final Chats chats;
    private final ChatMessages messages;
    private final ChatDistribution acd;
    private final ChatHours hours;
    private final LeftMessages left;
    private final ChatHub hub;
    private final JsonMapper json;
    private final ChatPresence presence;

    CitizenChatSocket(Chats chats, ChatMessages messages, ChatDistribution acd, ChatHours hours, LeftMessages left,
                      ChatHub hub, JsonMapper json, ChatPresence presence) {
        this.presence = presence;
        this.chats = chats;
        this.messages = messages;
        this.acd = acd;
        this.hours = hours;
        this.left = left;
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put("out", hub.wrap(session));
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage frame) {
        WebSocketSession session = (WebSocketSession) raw.getAttributes().get("out");
        JsonNode m;
        try {
            m = json.readTree(frame.getPayload());
        } catch (RuntimeException e) {
            hub.send(session, Map.of("type", "error", "detail", "消息格式不正确"));
            return;
        }
        String type = m.path("type").asString("");
        try {
            switch (type) {
                case "start" -> start(session, m);
                case "resume" -> resume(session, m);
                case "send" -> {
                    UUID chatId = chatOf(session);
                    ChatMessages.Stored stored = chats.citizenSays(chatId, text(m, "clientId"), text(m, "text"));
                    hub.send(session, Map.of("type", "ack", "clientId", String.valueOf(stored.message().clientId()),
                            "seq", stored.message().seq()));
                }
                case "end" -> chats.end(chatOf(session), "CITIZEN");
                case "rate" -> {
                    Grade grade;
                    try {
                        grade = Grade.valueOf(text(m, "grade"));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw DomainException.invalid("请选择评价：非常满意、满意、基本满意、不满意或非常不满意");
                    }
                    chats.rate(chatOf(session), grade.name());
                    hub.send(session, Map.of("type", "rated", "grade", grade.name(), "label", grade.label()));
                }
                case "leave" -> {
                    LeftMessages.Left l = left.leave(text(m, "name"), text(m, "phone"), text(m, "text"),
                            address(raw), text(m, "clientId"));
                    hub.send(session, Map.of("type", "left", "number", l.number(), "queryCode", l.queryCode(),
                            "clientId", String.valueOf(text(m, "clientId"))));
                }
                case "ping" -> hub.send(session, Map.of("type", "pong"));
                default -> throw DomainException.invalid("未知的消息类型");
            }
        } catch (DomainException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "error");
            error.put("detail", e.getMessage());
            error.put("clientId", text(m, "clientId"));
            hub.send(session, error);
        } catch (RuntimeException e) {
            log.error("chat frame {} failed", type, e);
            hub.send(session, Map.of("type", "error", "detail", "服务暂时不可用，请稍后重试"));
        }
    }

    private void start(WebSocketSession session, JsonNode m) {
        if (session.getAttributes().containsKey(CHAT)) {
            throw DomainException.conflict("会话已开始");
        }
        String code = text(m, "group");
        ChatDistribution.ChatGroup group = acd.group(code == null ? "general" : code)
                .orElseThrow(() -> DomainException.invalid("该咨询类别暂不提供在线客服"));
        if (!hours.open() || acd.agentsSignedIn(group.id()) == 0) {
            hub.send(session, Map.of("type", "offline", "hours", hours.label(),
                    "detail", hours.open() ? "当前没有在线客服，请留言，我们会在 1 个工作日内回复您" :
                            "在线客服服务时间为每天 " + hours.label() + "，请留言，我们会在 1 个工作日内回复您"));
            return;
        }
        Chats.Opened opened = chats.open("WEB", null, text(m, "name"), text(m, "phone"), group.id());
        session.getAttributes().put(CHAT, opened.chatId());
        hub.citizenJoined(opened.chatId(), session);
        hub.send(session, Map.of("type", "started", "chatId", opened.chatId(), "token", opened.token()));
        messages.after(opened.chatId(), 0).forEach(line -> hub.send(session, Chats.line(opened.chatId(), line)));
        chats.route(opened.chatId());
        // the place as stored: the same whichever node the citizen's socket is on
        int position = presence.place(opened.chatId());
        if (position > 0) {
            hub.send(session, Map.of("type", "queue", "position", position));
        }
    }

    private void resume(WebSocketSession session, JsonNode m) {
        UUID chatId;
        try {
            chatId = UUID.fromString(text(m, "chatId"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.notFound("会话不存在或已失效");
        }
        Chat chat = chats.byToken(chatId, text(m, "token"));
        session.getAttributes().put(CHAT, chatId);
        hub.citizenJoined(chatId, session);
        presence.stamp(chatId); // back within the grace, whichever node it left from
        // joined first, then read: a line stored in between is sent twice at worst, never lost (clients keep seq)
        int after = m.path("after").asInt(0);
        messages.after(chatId, after).forEach(line -> hub.send(session, Chats.line(chatId, line)));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "state");
        state.put("state", chat.state());
        state.put("position", presence.place(chatId));
        state.put("rated", chat.rating() != null);
        hub.send(session, state);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object chatId = session.getAttributes().get(CHAT);
        if (chatId != null) {
            // not ended: the citizen may come back (a phone leaving coverage); the agent or the citizen ends it, and a
            // chat still waiting when no node sees its citizen beyond the grace is abandoned (AbandonedChats); the
            // grace runs from this last stamp
            hub.citizenLeft((UUID) chatId, (WebSocketSession) session.getAttributes().get("out"));
            presence.stamp((UUID) chatId);
        }
    }

    private static UUID chatOf(WebSocketSession session) {
        Object id = session.getAttributes().get(CHAT);
        if (id == null) {
            throw DomainException.conflict("请先开始会话");
        }
        return (UUID) id;
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    private static String address(WebSocketSession session) {
        return session.getRemoteAddress() == null ? "unknown" : session.getRemoteAddress().getAddress().getHostAddress();
    }
}
