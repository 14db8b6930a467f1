package org.openhotline.knowledge.internal.articles;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.shared.Callers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reminders before expiry (到期提醒): every morning the published articles that expire within the notice period are
 * marked reminded once and audited; the editor's screen lists them. Expired articles already drop out of search by
 * the validity filter, so the reminder is what gives the editor time to renew them.
 */
@RestController
class ExpiryReminders {

    static final int NOTICE_DAYS = 30;

    private final JdbcClient jdbc;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpiryReminders(JdbcClient jdbc, Categories categories, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    record Expiring(long id, String title, long categoryId, LocalDate expiresOn, LocalDate reminded) {}

    @Scheduled(cron = "${hotline.knowledge.expiry-cron:0 0 7 * * *}", zone = "${hotline.time-zone}")
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.now(clock);
        List<Long> due = jdbc.sql("""
                update kb_article set expiry_reminded = :today
                 where state = 'PUBLISHED' and expiry_reminded is null and expires_on is not null
                   and expires_on between :today and :until
                returning id""")
                .param("today", today).param("until", today.plusDays(NOTICE_DAYS)).query(Long.class).list();
        due.forEach(id -> events.publishEvent(new KnowledgeChanged("article", id, "expiry-reminded",
                Map.of("noticeDays", NOTICE_DAYS))));
        return due.size();
    }

    @GetMapping("/api/knowledge/expiring")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    @Operation(summary = "即将到期和已过期的已发布知识")
    List<Expiring> expiring(@RequestParam(defaultValue = "30") int days) {
        var readable = categories.readableIds(Callers.required());
        if (readable.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, title, category_id, expires_on, expiry_reminded from kb_article
                 where state = 'PUBLISHED' and expires_on is not null and expires_on <= :until
                   and category_id in (:cats)
                 order by expires_on, id limit 200""")
                .param("until", LocalDate.now(clock).plusDays(Math.clamp(days, 0, 365))).param("cats", readable)
                .query((rs, n) -> new Expiring(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
    }
}
