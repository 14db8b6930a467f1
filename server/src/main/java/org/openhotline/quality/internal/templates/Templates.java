package org.openhotline.quality.internal.templates;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Score templates (质检模板) and their versions. Saving a template never changes a version: it writes the next one,
 * so every result keeps the exact items it was scored with.
 */
@Service
public class Templates {

    public record Form(String name, String kind, Boolean enabled, List<TemplateItem> items, Integer version) {}

    public record TemplateView(long id, String name, String kind, boolean enabled, int currentVersion,
                               long currentVersionId, BigDecimal totalPoints, List<TemplateItem> items, int version) {}

    /** One immutable version: what an inspection scores against. */
    public record TemplateVersion(long id, long templateId, String name, String kind, int number, List<TemplateItem> items,
                                  BigDecimal totalPoints) {}

    private static final TypeReference<List<TemplateItem>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Templates(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<TemplateView> list() {
        return jdbc.sql("""
                select t.id, t.name, t.kind, t.enabled, t.current_version, v.id as vid, v.total_points, v.items, t.version
                  from qc_template t join qc_template_version v on v.template_id = t.id and v.number = t.current_version
                 order by t.kind, t.id""")
                .query((rs, n) -> new TemplateView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getLong(6), rs.getBigDecimal(7), items(rs.getString(8)), rs.getInt(9)))
                .list();
    }

    public TemplateView get(long id) {
        return list().stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("质检模板不存在"));
    }

    public TemplateVersion version(long versionId) {
        return jdbc.sql("""
                select v.id, v.template_id, t.name, t.kind, v.number, v.items, v.total_points
                  from qc_template_version v join qc_template t on t.id = v.template_id where v.id = ?""")
                .param(versionId)
                .query((rs, n) -> new TemplateVersion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), items(rs.getString(6)), rs.getBigDecimal(7)))
                .optional().orElseThrow(() -> DomainException.notFound("质检模板版本不存在"));
    }

    public TemplateVersion current(long templateId) {
        TemplateView t = get(templateId);
        if (!t.enabled()) {
            throw DomainException.conflict("质检模板“" + t.name() + "”已停用");
        }
        return version(t.currentVersionId());
    }

    @Transactional
    public TemplateView create(Form form, StaffPrincipal me) {
        List<TemplateItem> items = checked(form);
        String kind = kind(form.kind());
        long id = jdbc.sql("""
                insert into qc_template (name, kind, enabled, current_version, created_by, updated_at)
                values (?, ?, ?, 1, ?, ?) returning id""")
                .params(form.name().trim(), kind, form.enabled() == null || form.enabled(), me.username(), now())
                .query(Long.class).single();
        writeVersion(id, 1, items, me);
        return get(id);
    }

    @Transactional
    public TemplateView save(long id, Form form, StaffPrincipal me) {
        TemplateView before = get(id);
        List<TemplateItem> items = checked(form);
        if (form.version() == null) {
            throw DomainException.badRequest("缺少版本号 version");
        }
        int updated = jdbc.sql("""
                update qc_template set name = ?, enabled = ?, current_version = current_version + 1, updated_at = ?,
                                       version = version + 1
                 where id = ? and version = ?""")
                .params(form.name().trim(), form.enabled() == null || form.enabled(), now(), id, form.version()).update();
        if (updated == 0) {
            throw DomainException.conflict("质检模板“" + before.name() + "”已被他人修改，请刷新后重试");
        }
        writeVersion(id, before.currentVersion() + 1, items, me);
        return get(id);
    }

    private void writeVersion(long templateId, int number, List<TemplateItem> items, StaffPrincipal me) {
        BigDecimal total = items.stream().map(TemplateItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("""
                insert into qc_template_version (template_id, number, items, total_points, created_by, created_at)
                values (?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(templateId, number, json.writeValueAsString(items), total, me.username(), now()).update();
    }

    private static String kind(String kind) {
        if (!"CALL".equals(kind) && !"ORDER".equals(kind)) {
            throw DomainException.badRequest("模板类型应为 CALL（通话）或 ORDER（工单）");
        }
        return kind;
    }

    /** The items as saved: keys filled in where the editor left them blank, every limit checked. */
    static List<TemplateItem> checked(Form form) {
        if (form == null || form.name() == null || form.name().isBlank() || form.name().length() > 100) {
            throw DomainException.badRequest("请填写模板名称（不超过 100 字）");
        }
        if (form.items() == null || form.items().isEmpty() || form.items().size() > 100) {
            throw DomainException.badRequest("模板应有 1 到 100 个评分项");
        }
        Set<String> keys = new HashSet<>();
        List<TemplateItem> out = new ArrayList<>();
        int n = 0;
        for (TemplateItem i : form.items()) {
            n++;
            String where = "第 " + n + " 项";
            if (i == null || i.name() == null || i.name().isBlank() || i.name().length() > 100) {
                throw DomainException.badRequest(where + "：请填写评分项名称（不超过 100 字）");
            }
            if (i.group() == null || i.group().isBlank() || i.group().length() > 30) {
                throw DomainException.badRequest(where + "：请填写分组（不超过 30 字）");
            }
            // a fatal item (一票否决) may be worth nothing itself: hitting it zeroes the whole score
            if (i.points() == null || i.points().signum() < 0 || (i.points().signum() == 0 && !i.fatal())
                    || i.points().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw DomainException.badRequest(where + "：分值应在 0 到 100 之间（只有一票否决项可以为 0 分）");
            }
            String key = i.key() == null || i.key().isBlank() ? null : i.key().trim();
            if (key != null && (key.length() > 30 || !keys.add(key))) {
                throw DomainException.badRequest(where + "：评分项编码重复或过长");
            }
            List<TemplateItem.Deduction> ds = i.deductions() == null ? List.of() : i.deductions();
            if (ds.size() > 20) {
                throw DomainException.badRequest(where + "：扣分选项不超过 20 个");
            }
            for (TemplateItem.Deduction d : ds) {
                if (d == null || d.label() == null || d.label().isBlank() || d.label().length() > 100) {
                    throw DomainException.badRequest(where + "：请填写扣分选项说明（不超过 100 字）");
                }
                if (d.points() == null || d.points().signum() <= 0 || d.points().compareTo(i.points()) > 0) {
                    throw DomainException.badRequest(where + "：扣分选项的分值应大于 0 且不超过该项分值");
                }
            }
            out.add(new TemplateItem(key, i.group().trim(), i.name().trim(), i.points(), List.copyOf(ds), i.fatal()));
        }
        List<TemplateItem> keyed = new ArrayList<>();
        int next = 1;
        for (TemplateItem i : out) {
            String key = i.key();
            while (key == null && keys.contains("i" + next)) {
                next++;
            }
            if (key == null) {
                key = "i" + next;
                keys.add(key);
            }
            keyed.add(new TemplateItem(key, i.group(), i.name(), i.points(), i.deductions(), i.fatal()));
        }
        return keyed;
    }

    private List<TemplateItem> items(String text) {
        return json.readValue(text, ITEMS);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
