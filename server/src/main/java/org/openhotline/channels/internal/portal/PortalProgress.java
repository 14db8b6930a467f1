package org.openhotline.channels.internal.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.PortalOrders;
import org.openhotline.workorder.PortalOrders.PublicOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办理进度自助查询 and what the citizen does with the answer. An order opens to whoever holds its number and query
 * code, or to the holder of a confirmed phone token for the order's phone; anything else answers "not found" the
 * same way, so a guess learns nothing. Rating and reopening go to the work-order module, which records them as a
 * callback and as a supervised reopening.
 */
@Service
class PortalProgress {

    /** What a citizen sees: the order's public view without the phone number it was checked against. */
    public record Progress(String number, String title, String content, String channel, String state, String stateLabel,
                           String categoryName, String address, Instant createdAt, Instant closedAt, String reply,
                           String replyUnit, Instant repliedAt, List<PortalOrders.PublicStep> steps,
                           boolean canRate, boolean canReopen, String rating) {}

    private final PortalOrders orders;
    private final Receipts receipts;
    private final PhoneCodes phones;
    private final RateLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PortalAppeals appeals;

    PortalProgress(PortalOrders orders, Receipts receipts, PhoneCodes phones, RateLimits limits, JdbcClient jdbc,
                   Clock clock, PortalAppeals appeals) {
        this.orders = orders;
        this.receipts = receipts;
        this.phones = phones;
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.appeals = appeals;
    }

    public Progress query(String number, String queryCode, String phoneToken, String clientAddress) {
        return view(open(number, queryCode, phoneToken, clientAddress));
    }

    public List<Progress> ofPhone(String phoneToken) {
        String phone = phones.phoneOf(phoneToken);
        return orders.ofPhone(phone, 50).stream().map(this::view).toList();
    }

    @Transactional
    public Progress rate(String number, String queryCode, String phoneToken, Grade grade, Boolean resolved, String note,
                         String clientAddress) {
        PublicOrder o = open(number, queryCode, phoneToken, clientAddress);
        if (!o.awaitingRating()) {
            throw DomainException.conflict("工单当前" + o.stateLabel() + "，不能评价（承办单位答复后才能评价）");
        }
        boolean solved = resolved != null ? resolved : !"DISSATISFIED".equals(grade.satisfaction());
        String text = "好差评：" + grade.label() + (note == null || note.isBlank() ? "" : "，" + note.strip());
        orders.rate(o.id(), solved, grade.satisfaction(), text, "网站");
        jdbc.sql("insert into ch_rating (work_order_id, grade, resolved, note, channel, at) values (?, ?, ?, ?, 'WEB', ?)")
                .params(o.id(), grade.name(), solved, blankToNull(note), Timestamp.from(clock.instant())).update();
        return view(orders.byId(o.id()).orElseThrow());
    }

    @Transactional
    public Progress reopen(String number, String queryCode, String phoneToken, String reason, String clientAddress) {
        PublicOrder o = open(number, queryCode, phoneToken, clientAddress);
        if (!canReopen(o)) {
            throw DomainException.conflict("只有办结后 " + appeals.settings().reopenWithinDays() + " 天内的工单可以申请重办");
        }
        orders.askReopen(o.id(), reason.strip(), "网站");
        jdbc.sql("insert into ch_reopen_request (work_order_id, reason, channel, at) values (?, ?, 'WEB', ?)")
                .params(o.id(), reason.strip(), Timestamp.from(clock.instant())).update();
        return view(orders.byId(o.id()).orElseThrow());
    }

    private PublicOrder open(String number, String queryCode, String phoneToken, String clientAddress) {
        limits.hit("query-ip:" + clientAddress, 120, Duration.ofHours(1), "查询过于频繁，请稍后再试");
        DomainException notFound = DomainException.notFound("工单编号或查询码不正确");
        if (number == null || number.isBlank() || number.length() > 20) {
            throw notFound;
        }
        PublicOrder o = orders.byNumber(number.strip()).orElseThrow(() -> notFound);
        if (phoneToken != null && !phoneToken.isBlank()) {
            if (o.phone() != null && o.phone().equals(phones.phoneOf(phoneToken))) {
                return o;
            }
            throw notFound;
        }
        if (!receipts.matches(o.id(), queryCode)) {
            throw notFound;
        }
        return o;
    }

    private boolean canReopen(PublicOrder o) {
        return "CLOSED".equals(o.state()) && o.closedAt() != null
                && o.closedAt().plus(Duration.ofDays(appeals.settings().reopenWithinDays())).isAfter(clock.instant());
    }

    private Progress view(PublicOrder o) {
        String rating = jdbc.sql("select grade from ch_rating where work_order_id = ? order by at desc limit 1")
                .param(o.id()).query(String.class).optional().map(g -> Grade.valueOf(g).label()).orElse(null);
        return new Progress(o.number(), o.title(), o.content(), o.channel(), o.state(), o.stateLabel(), o.categoryName(),
                o.address(), o.createdAt(), o.closedAt(), o.reply(), o.replyUnit(), o.repliedAt(), o.steps(),
                o.awaitingRating(), canReopen(o), rating);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
