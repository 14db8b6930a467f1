package org.openhotline.channels.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.callcenter.CallCenterFixture;
import org.openhotline.callcenter.ChatDistribution;
import org.openhotline.shared.cluster.SingletonLeaseTaken;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease hand-over in a cluster: the ACD lives in the holder's memory, so the node that takes the lease over must
 * put the chats waiting on record back into their queues — in their order, and once each however often it takes it.
 * Two nodes do not fit in one process: the new holder's empty ACD is made by taking the chats out of this one, and
 * the hand-over is the event the lease keeper publishes.
 */
@HotlineTest
class ChatRecoveryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Chats chats;
    @Autowired
    ChatDistribution acd;
    @Autowired
    ApplicationEventPublisher events;

    final List<UUID> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(id -> chats.abandon(id, "测试结束"));
    }

    UUID waiting(long group, String name) {
        UUID id = chats.open("WEB", null, name, null, group).chatId();
        opened.add(id);
        chats.route(id);
        return id;
    }

    @Test
    void theNewLeaseHolderPutsTheWaitingChatsBackIntoTheirQueueOnceEach() {
        String n = String.valueOf(System.nanoTime() % 1_000_000);
        // a group nobody is signed in for: its chats wait
        long group = new CallCenterFixture(port, jdbc).group("takeover" + n, "接管测试" + n, "LONGEST_IDLE",
                Map.of("chatCapacity", 1, "chatsWithCall", 1));
        UUID first = waiting(group, "先到");
        UUID second = waiting(group, "后到");
        assertThat(acd.position(first.toString())).isEqualTo(1);
        assertThat(acd.position(second.toString())).isEqualTo(2);

        // the new holder's ACD knows nothing of them: they are on record only
        assertThat(acd.abandoned(first.toString())).isTrue();
        assertThat(acd.abandoned(second.toString())).isTrue();
        assertThat(acd.position(first.toString())).isZero();

        events.publishEvent(new SingletonLeaseTaken("node-b", 2));
        assertThat(acd.position(first.toString())).as("back in the queue, in arrival order").isEqualTo(1);
        assertThat(acd.position(second.toString())).isEqualTo(2);

        // taken again (a renewal after a lapse, or the lease back after two hand-overs): nothing is queued twice
        events.publishEvent(new SingletonLeaseTaken("node-b", 4));
        assertThat(acd.position(second.toString())).isEqualTo(2);
        assertThat(acd.abandoned(first.toString())).isTrue();
        assertThat(acd.position(first.toString())).as("no second entry left behind").isZero();
        assertThat(acd.position(second.toString())).isEqualTo(1);
        assertThat(chats.find(first).orElseThrow().state()).isEqualTo(Chat.WAITING);
    }
}
