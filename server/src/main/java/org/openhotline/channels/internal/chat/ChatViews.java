package org.openhotline.channels.internal.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.workorder.PortalOrders;
import org.springframework.stereotype.Component;

/** A chat as the desk shows it: who, where from, its state, its lines, the order made from it. */
@Component
class ChatViews {

    record ChatView(UUID id, String state, String source, String citizenName, String citizenPhone, long groupId,
                    String groupName, Long agentId, String role, Instant queuedAt, Instant answeredAt, Instant endedAt,
                    Long orderId, String orderNumber, String rating, int position, List<ChatMessage> messages) {}

    private final ChatMessages messages;
    private final ChatDistribution acd;
    private final PortalOrders orders;

    ChatViews(ChatMessages messages, ChatDistribution acd, PortalOrders orders) {
        this.messages = messages;
        this.acd = acd;
        this.orders = orders;
    }

    ChatView of(Chat c, long viewer, int after) {
        Map<Long, String> groups = acd.groups().stream()
                .collect(Collectors.toMap(ChatDistribution.ChatGroup::id, ChatDistribution.ChatGroup::name));
        String number = c.orderId() == null ? null : orders.byId(c.orderId()).map(PortalOrders.PublicOrder::number).orElse(null);
        String role = c.agentId() != null && c.agentId() == viewer ? "AGENT" : "LEADER";
        return new ChatView(c.id(), c.state(), c.source(), c.citizenName(), c.citizenPhone(), c.groupId(),
                groups.getOrDefault(c.groupId(), ""), c.agentId(), role, c.queuedAt(), c.answeredAt(), c.endedAt(),
                c.orderId(), number, c.rating(), acd.position(c.id().toString()), messages.after(c.id(), after));
    }
}
