package org.openhotline.knowledge.internal.articles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Templates for common article types (办事指南, 政策解读, 常见问答, 停水停电通知): a body to start from. */
@RestController
@RequestMapping("/api/knowledge/templates")
@Tag(name = "知识库", description = "知识的查阅与采编")
public class Templates {

    private final JdbcClient jdbc;
    private final Clock clock;

    Templates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Template(Long id, String name, String bodyHtml, String keywords) {}

    @GetMapping
    @Operation(summary = "知识模板")
    List<Template> list() {
        return jdbc.sql("select id, name, body_html, keywords from kb_template order by id")
                .query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    @PostMapping
    @PreAuthorize("hasAuthority('knowledge:edit')")
    Template create(@RequestBody Template t) {
        check(t);
        long id = jdbc.sql("insert into kb_template (name, body_html, keywords, updated_at) values (?, ?, ?, ?) returning id")
                .params(t.name().strip(), RichText.sanitize(t.bodyHtml()), t.keywords() == null ? "" : t.keywords(),
                        OffsetDateTime.now(clock)).query(Long.class).single();
        return new Template(id, t.name().strip(), RichText.sanitize(t.bodyHtml()), t.keywords());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('knowledge:edit')")
    Template update(@PathVariable long id, @RequestBody Template t) {
        check(t);
        if (jdbc.sql("update kb_template set name = ?, body_html = ?, keywords = ?, updated_at = ? where id = ?")
                .params(t.name().strip(), RichText.sanitize(t.bodyHtml()), t.keywords() == null ? "" : t.keywords(),
                        OffsetDateTime.now(clock), id).update() == 0) {
            throw DomainException.notFound("模板不存在");
        }
        return new Template(id, t.name().strip(), RichText.sanitize(t.bodyHtml()), t.keywords());
    }

    public void seed(String name, String bodyHtml, String keywords) {
        jdbc.sql("insert into kb_template (name, body_html, keywords, updated_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(name, bodyHtml, keywords, OffsetDateTime.now(clock)).update();
    }

    private static void check(Template t) {
        if (t.name() == null || t.name().isBlank() || t.bodyHtml() == null || t.bodyHtml().isBlank()) {
            throw DomainException.invalid("模板名称和内容不能为空");
        }
    }
}
