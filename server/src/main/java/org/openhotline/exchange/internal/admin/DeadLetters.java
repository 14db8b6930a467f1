package org.openhotline.exchange.internal.admin;

import org.openhotline.exchange.ExchangeEvents.DeadLetterHandled;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's decision on a dead letter: retry (back to the queue, in its place in the order's sequence) or
 * discard (given up; the order's later messages go on). Either is audited with the reason, in the same transaction.
 */
@Component
class DeadLetters {

    enum Direction { OUT, IN }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DeadLetters(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    void decide(Direction direction, long row, boolean retry, String reason) {
        String table = direction == Direction.OUT ? "ex_outbox" : "ex_inbox";
        String back = direction == Direction.OUT ? "PENDING" : "RECEIVED";
        record Dead(String messageId, String counterpart) {}
        Dead dead = jdbc.sql("select message_id, counterpart from " + table + " where id = ? and state = 'DEAD' for update")
                .param(row).query((rs, n) -> new Dead(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> DomainException.conflict("该消息不是死信（可能已被他人处理），请刷新"));
        String extra = direction == Direction.IN ? ", next_attempt_at = null, attempts = 0" : ", attempts = 0";
        jdbc.sql("update " + table + " set state = ?" + (retry ? extra : "") + " where id = ?")
                .params(retry ? back : "DISCARDED", row).update();
        events.publishEvent(new DeadLetterHandled(direction.name(), row, dead.messageId(), dead.counterpart(), retry, reason));
    }
}
