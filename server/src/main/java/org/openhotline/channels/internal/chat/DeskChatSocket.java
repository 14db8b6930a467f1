package org.openhotline.channels.internal.chat;

import java.util.Map;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The desk's side, {@code /api/chat/ws} behind the staff login: pushes only ({@code assigned}, {@code message},
 * {@code removed}, {@code ended}). The desk writes and acts over REST ({@link ChatDeskController}) and, after a
 * reconnect, reloads its chats from there — every line it may have missed is on record.
 */
@Component
class DeskChatSocket extends TextWebSocketHandler {

    private final ChatHub hub;

    DeskChatSocket(ChatHub hub) {
        this.hub = hub;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        StaffPrincipal me = staff(session);
        if (me == null || !(me.can("call:agent") || me.can("call:monitor"))) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("no permission"));
            return;
        }
        WebSocketSession out = hub.wrap(session);
        session.getAttributes().put("out", out);
        hub.deskJoined(me.accountId(), out);
        hub.send(out, Map.of("type", "hello"));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Object out = session.getAttributes().get("out");
        if (out != null && message.getPayload().contains("ping")) {
            hub.send((WebSocketSession) out, Map.of("type", "pong"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        StaffPrincipal me = staff(session);
        Object out = session.getAttributes().get("out");
        if (me != null && out != null) {
            hub.deskLeft(me.accountId(), (WebSocketSession) out);
        }
    }

    private static StaffPrincipal staff(WebSocketSession session) {
        return session.getPrincipal() instanceof Authentication a && a.getPrincipal() instanceof StaffPrincipal s ? s : null;
    }
}
