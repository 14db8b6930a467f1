package org.openhotline.channels.internal.chat;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the desk does to a chat besides writing: transfer to a colleague or a group (转接), and a team leader joining
 * (三方): the leader sees every line from then on and may write; the citizen sees the leader's lines as 班长.
 */
@Service
class ChatDeskActions {

    private final ChatRecords records;
    private final ChatDistribution acd;
    private final Chats chats;
    private final ChatHub hub;
    private final TransactionTemplate tx;
    private final Clock clock;

    ChatDeskActions(ChatRecords records, ChatDistribution acd, Chats chats, ChatHub hub, TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.acd = acd;
        this.chats = chats;
        this.hub = hub;
        this.tx = tx;
        this.clock = clock;
    }

    void transferToAgent(UUID chatId, StaffPrincipal me, long toAccountId) {
        Chat chat = records.get(chatId);
        chat.requireHeldBy(me.accountId());
        if (toAccountId == me.accountId()) {
            throw DomainException.invalid("不能转接给自己");
        }
        ChatDistribution.ChatAgent to = acd.signedIn().stream().filter(a -> a.accountId() == toAccountId).findFirst()
                .orElseThrow(() -> DomainException.conflict("对方未签入，无法转接"));
        long group = to.groupIds().contains(chat.groupId()) ? chat.groupId()
                : to.groupIds().stream().findFirst().orElseThrow(() -> DomainException.conflict("对方没有可接待会话的技能组"));
        chats.systemSays(chatId, "正在为您转接其他客服，请稍候。");
        if (!acd.transferToAgent(chatId.toString(), toAccountId, group)) {
            throw DomainException.conflict("对方当前无法接待更多会话（已达并发上限或不在示闲/通话中）");
        }
    }

    void transferToGroup(UUID chatId, StaffPrincipal me, String groupCode) {
        Chat chat = records.get(chatId);
        chat.requireHeldBy(me.accountId());
        ChatDistribution.ChatGroup group = acd.group(groupCode)
                .orElseThrow(() -> DomainException.invalid("该技能组不存在或不接待在线会话"));
        tx.executeWithoutResult(s -> {
            records.lock(chatId);
            records.requeued(chatId, group.id());
        });
        hub.unwatch(chatId, me.accountId());
        hub.toDesk(me.accountId(), Map.of("type", "removed", "chatId", chatId));
        chats.systemSays(chatId, "正在为您转接至「" + group.name() + "」，请稍候。");
        acd.transferToGroup(chatId.toString(), chat.citizenName() == null ? "" : chat.citizenName(), group.id(),
                chat.queuedAt());
    }

    void join(UUID chatId, StaffPrincipal leader) {
        Chat chat = records.get(chatId);
        chat.requireActive();
        if (chat.agentId() != null && chat.agentId() == leader.accountId()) {
            throw DomainException.conflict("您正在接待该会话");
        }
        if (records.join(chatId, leader.accountId(), clock.instant())) {
            hub.watch(chatId, leader.accountId());
            chats.systemSays(chatId, ChatMessage.leader(leader.displayName()) + " 加入会话。");
        }
    }
}
