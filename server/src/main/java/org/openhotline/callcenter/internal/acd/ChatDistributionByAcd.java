package org.openhotline.callcenter.internal.acd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openhotline.callcenter.AgentState;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.callcenter.internal.acd.Acd;
import org.openhotline.callcenter.internal.acd.WaitingCall;
import org.openhotline.callcenter.internal.agents.AgentRoster;
import org.openhotline.callcenter.internal.agents.SeatBoard;
import org.openhotline.callcenter.internal.supervision.SeatWall;
import org.springframework.stereotype.Service;

/** Chats through the call ACD: the skill groups, the agents and their states are the calls' own. */
@Service
class ChatDistributionByAcd implements ChatDistribution {

    private final Acd acd;
    private final SkillGroups groups;
    private final AgentRoster roster;
    private final SeatBoard board;
    private final SeatWall wall;

    ChatDistributionByAcd(Acd acd, SkillGroups groups, AgentRoster roster, SeatBoard board, SeatWall wall) {
        this.acd = acd;
        this.groups = groups;
        this.roster = roster;
        this.board = board;
        this.wall = wall;
    }

    @Override
    public List<ChatGroup> groups() {
        return groups.all().stream().filter(g -> g.enabled() && g.chatCapacity() > 0).map(ChatDistributionByAcd::of).toList();
    }

    @Override
    public Optional<ChatGroup> group(String code) {
        return groups.byCode(code).filter(g -> g.enabled() && g.chatCapacity() > 0).map(ChatDistributionByAcd::of);
    }

    private static ChatGroup of(SkillGroups.Row g) {
        return new ChatGroup(g.id(), g.code(), g.name(), g.chatCapacity(), g.chatsWithCall());
    }

    @Override
    public void enqueue(String chatId, String citizen, long groupId, Instant since) {
        acd.enqueueChat(new WaitingCall(chatId, citizen, groupId, 0, since));
        wall.queuesChanged();
    }

    @Override
    public int position(String chatId) {
        return acd.chatPosition(chatId);
    }

    @Override
    public void ended(String chatId) {
        Optional<Long> holder = acd.chatHolder(chatId);
        acd.chatEnded(chatId);
        holder.ifPresentOrElse(wall::chatsChanged, wall::queuesChanged);
    }

    @Override
    public boolean abandoned(String chatId) {
        boolean was = acd.chatAbandoned(chatId);
        wall.queuesChanged();
        return was;
    }

    @Override
    public boolean transferToAgent(String chatId, long toAccountId, long groupId) {
        Optional<Long> holder = acd.chatHolder(chatId);
        boolean moved = roster.find(toAccountId).isPresent() && acd.transferChat(chatId, toAccountId, groupId);
        if (moved) {
            holder.ifPresent(wall::chatsChanged);
        }
        return moved;
    }

    @Override
    public void transferToGroup(String chatId, String citizen, long groupId, Instant since) {
        Optional<Long> holder = acd.chatHolder(chatId);
        acd.transferChatToGroup(new WaitingCall(chatId, citizen, groupId, 0, since));
        holder.ifPresentOrElse(wall::chatsChanged, wall::queuesChanged);
    }

    @Override
    public int agentsSignedIn(long groupId) {
        return (int) roster.all().stream()
                .filter(a -> a.enabled() && a.skills().containsKey(groupId))
                .filter(a -> board.of(a.accountId()).state() != AgentState.SIGNED_OUT)
                .count();
    }

    @Override
    public Set<String> chatsOf(long accountId) {
        return acd.chatsOf(accountId);
    }

    @Override
    public void restore(long accountId, String chatId) {
        if (roster.find(accountId).isPresent()) {
            acd.holdsChat(accountId, chatId);
        }
    }

    @Override
    public List<ChatAgent> signedIn() {
        return roster.all().stream().filter(AgentRoster.Agent::enabled)
                .filter(a -> board.of(a.accountId()).state() != AgentState.SIGNED_OUT)
                .map(a -> new ChatAgent(a.accountId(), a.agentNo(), board.of(a.accountId()).state().label(),
                        a.skills().keySet(), acd.chatsOf(a.accountId()).size()))
                .toList();
    }

    @Override
    public Optional<String> agentNo(long accountId) {
        return roster.find(accountId).filter(AgentRoster.Agent::enabled).map(AgentRoster.Agent::agentNo);
    }
}
