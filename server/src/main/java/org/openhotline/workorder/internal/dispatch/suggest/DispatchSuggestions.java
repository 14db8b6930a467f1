package org.openhotline.workorder.internal.dispatch.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.workorder.internal.dispatch.catalogue.DispatchCatalogue;
import org.openhotline.workorder.internal.dispatch.catalogue.DispatchRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Suggestions for one appeal: its category (given, or voted by similar past orders), its region (given, or found in
 * the address and text), then units best first — the first matching rule of the published 派单目录 before anything
 * the model says, then the model's roles turned into the region's units — each with the reasons a dispatcher can
 * check: the rule, similar past orders (with links), the matching part of the unit's duties, the region.
 */
@Component
public class DispatchSuggestions {

    public record Request(String title, String content, String address, Long regionId, Long categoryId, String appealType) {}

    public record CategoryGuess(long id, String name, double score, String source) {}

    public record RegionGuess(long id, String name, String kind, String path, String matched, List<String> places, String source) {}

    public record SimilarOrder(long id, String number, String title) {}

    public record Suggestion(long unitId, String unitName, double score, String source, Long ruleId, Integer catalogueVersion,
                             List<String> reasons, List<SimilarOrder> similarOrders, List<Long> assistingUnitIds,
                             String note, Double confidence) {}

    public record Result(CategoryGuess category, RegionGuess region, List<Suggestion> suggestions) {}

    private final OrgSnapshot org;
    private final ModelTraining training;
    private final DispatchCatalogue catalogue;
    private final JdbcClient jdbc;

    DispatchSuggestions(OrgSnapshot org, ModelTraining training, DispatchCatalogue catalogue, JdbcClient jdbc) {
        this.org = org;
        this.training = training;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    public Result suggest(Request req) {
        return suggest(req, Set.of());
    }

    /** {@code exclude}: orders the model must not use as neighbours (an order's own history, in evaluation). */
    public Result suggest(Request req, Set<Long> exclude) {
        OrgSnapshot.Tree tree = org.tree();
        String text = ModelTraining.text(req.title(), req.content());
        UnitModel.Prediction p = training.model().predict(text, req.address(), exclude);
        RegionGuess region = region(req, tree, text);
        CategoryGuess category = category(req, p);
        // Only a category the agent chose decides a catalogue rule (keywords decide without one): a rule wins over the
        // model, so a rule fired by a wrong guess is a sure wrong answer, and on the bench's validation data a guessed
        // category never made the catalogue + model more accurate than the model alone (bench/smart/dispatch).
        String categoryPath = category == null || !"GIVEN".equals(category.source()) ? null
                : jdbc.sql("select path from wo_category where id = ?").param(category.id()).query(String.class).optional().orElse(null);
        String regionPath = region == null ? null : region.path();
        List<Suggestion> out = new ArrayList<>();
        DispatchCatalogue.Release release = catalogue.current();
        Optional<DispatchRule> rule = DispatchRule.firstMatch(release.rules(),
                new DispatchRule.Appeal(text, categoryPath, regionPath, req.appealType()));
        rule.ifPresent(r -> ruleSuggestion(r, release.version(), tree.roles(), regionPath, text, category).ifPresent(out::add));
        Map<Long, SimilarOrder> orders = similarOrders(p);
        for (UnitModel.LabelScore l : p.labels()) {
            if (out.size() >= 3) {
                break;
            }
            Optional<OrgNode> unit = tree.roles().resolve(l.label(), regionPath);
            if (unit.isEmpty() || out.stream().anyMatch(s -> s.unitId() == unit.get().id())) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            List<SimilarOrder> similar = l.similarOrders().stream().map(orders::get).filter(java.util.Objects::nonNull).toList();
            if (l.historyShare() > 0) {
                reasons.add(String.format("相似历史工单中 %.0f%% 由此类单位办结", 100 * l.historyShare()));
            }
            dutyReason(unit.get(), text).ifPresent(reasons::add);
            if (tree.roles().isLocal(l.label()) && region != null) {
                reasons.add("属地：" + region.name());
            }
            if (l.returnedBefore()) {
                reasons.add("注意：类似诉求曾被此类单位退回（非其职责）");
            }
            // the calibrated confidence is the chance that the model's first choice is right: only that one has it
            Double confidence = out.isEmpty() && l == p.labels().getFirst() ? round(training.confidence(l.score())) : null;
            out.add(new Suggestion(unit.get().id(), unit.get().name(), round(l.score()), "MODEL", null, null, reasons,
                    similar, List.of(), null, confidence));
        }
        return new Result(category, region, out);
    }

    private Optional<Suggestion> ruleSuggestion(DispatchRule r, int version, UnitRoles roles, String regionPath, String text,
                                                CategoryGuess category) {
        Optional<OrgNode> main = r.local()
                ? roles.roleOf(r.mainUnitId()).flatMap(role -> roles.resolve(role, regionPath)).or(() -> roles.node(r.mainUnitId()))
                : roles.node(r.mainUnitId());
        if (main.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        StringBuilder why = new StringBuilder("派单目录（第 " + version + " 版）第 " + r.position() + " 条「" + r.name() + "」");
        String keyword = r.matchedKeyword(text);
        if (keyword != null) {
            why.append("：关键词「").append(keyword).append("」");
        } else if (r.categoryId() != null && category != null) {
            why.append("：分类「").append(category.name()).append("」");
        }
        reasons.add(why.toString());
        if (r.note() != null && !r.note().isBlank()) {
            reasons.add("派单说明：" + r.note());
        }
        return Optional.of(new Suggestion(main.get().id(), main.get().name(), 1.0, "RULE", r.id(), version, reasons, List.of(),
                r.assistingUnitIds(), r.note(), null));
    }

    private RegionGuess region(Request req, OrgSnapshot.Tree tree, String text) {
        if (req.regionId() != null) {
            return tree.roles().node(req.regionId()).filter(n -> n.kind().isRegion())
                    .map(n -> new RegionGuess(n.id(), fullName(n, tree), n.kind().name(), n.path(), null, List.of(), "GIVEN"))
                    .orElse(null);
        }
        return tree.regions().find(req.address(), text)
                .map(f -> new RegionGuess(f.region().id(), fullName(f.region(), tree), f.region().kind().name(),
                        f.region().path(), f.matched(), f.places(), "TEXT"))
                .orElse(null);
    }

    /** 东湖区 · 湖滨街道: the region with the regions above it up to the district. */
    private static String fullName(OrgNode n, OrgSnapshot.Tree tree) {
        List<String> names = new ArrayList<>();
        for (long id : UnitRoles.pathIds(n.path())) {
            tree.roles().node(id).filter(x -> x.kind().isRegion() && x.kind().ordinal() >= 2).ifPresent(x -> names.addFirst(x.name()));
        }
        return String.join(" · ", names);
    }

    private CategoryGuess category(Request req, UnitModel.Prediction p) {
        if (req.categoryId() != null) {
            return new CategoryGuess(req.categoryId(), categoryName(req.categoryId()), 1, "GIVEN");
        }
        if (p.categories().isEmpty()) {
            return null;
        }
        UnitModel.CategoryScore c = p.categories().getFirst();
        return new CategoryGuess(c.categoryId(), categoryName(c.categoryId()), round(c.score()), "MODEL");
    }

    private String categoryName(long id) {
        return jdbc.sql("""
                select string_agg(p.name, ' > ' order by p.level) from wo_category c
                  join wo_category p on c.path like p.path || '%' where c.id = ?""")
                .param(id).query(String.class).optional().orElse("");
    }

    private Map<Long, SimilarOrder> similarOrders(UnitModel.Prediction p) {
        Set<Long> ids = new HashSet<>();
        p.labels().stream().limit(6).forEach(l -> ids.addAll(l.similarOrders()));
        Map<Long, SimilarOrder> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, number, title from work_order where id = any(?)").param(ids.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), new SimilarOrder(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        return out;
    }

    /** The part of the unit's duties that shares the most words with the appeal. */
    static Optional<String> dutyReason(OrgNode unit, String text) {
        if (unit.duties() == null || unit.duties().isBlank()) {
            return Optional.empty();
        }
        Set<String> grams = new HashSet<>(GramIndex.grams(text));
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : unit.duties().split("[、，,；;。（）()]")) {
            long shared = GramIndex.grams(part).stream().filter(grams::contains).count();
            if (shared > 0) {
                parts.put(part.strip(), shared);
            }
        }
        return parts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> "职责相符：" + e.getKey());
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
