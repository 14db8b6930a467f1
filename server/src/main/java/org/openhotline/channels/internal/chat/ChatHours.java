package org.openhotline.channels.internal.chat;

import java.time.Clock;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the chat is staffed (在线客服服务时间), every day: outside these hours, or when no agent of the group is
 * signed in, the citizen is offered to leave a message instead, which becomes an online order.
 */
@Component
public class ChatHours {

    private final Clock clock;
    private volatile LocalTime opens;
    private volatile LocalTime closes;

    ChatHours(Clock clock, @Value("${hotline.chat.opens:08:00}") String opens, @Value("${hotline.chat.closes:22:00}") String closes) {
        this.clock = clock;
        this.opens = LocalTime.parse(opens);
        this.closes = "24:00".equals(closes) ? LocalTime.MAX : LocalTime.parse(closes);
    }

    public boolean open() {
        LocalTime now = LocalTime.now(clock);
        return !now.isBefore(opens) && now.isBefore(closes);
    }

    public String label() {
        return opens + "–" + (closes == LocalTime.MAX ? "24:00" : closes.toString());
    }

    /** Other hours for a while (tests; an administrator's change would come through here too). */
    public void use(LocalTime opens, LocalTime closes) {
        this.opens = opens;
        this.closes = closes;
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }
}
