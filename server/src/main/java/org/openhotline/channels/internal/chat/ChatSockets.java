package org.openhotline.channels.internal.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Plain WebSocket (no STOMP broker): two endpoints with small JSON frames are all the chat needs, and plain frames
 * are what a WeChat H5 page or a test client speaks without a library. Same origin only (Spring's default), so no
 * other site can open a desk socket with a staff member's cookie. The citizen's endpoint lies under
 * {@code /api/portal/**}, the portal's public filter chain; the desk's under the staff chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSockets implements WebSocketConfigurer {

    private final CitizenChatSocket citizen;
    private final DeskChatSocket desk;

    ChatSockets(CitizenChatSocket citizen, DeskChatSocket desk) {
        this.citizen = citizen;
        this.desk = desk;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(citizen, "/api/portal/chat/ws");
        registry.addHandler(desk, "/api/chat/ws");
    }
}
