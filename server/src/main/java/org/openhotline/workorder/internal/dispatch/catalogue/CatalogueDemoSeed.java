package org.openhotline.workorder.internal.dispatch.catalogue;

import java.util.List;
import java.util.Optional;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DemoSeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's 派单目录, published as version 1: the matters where the duties of two units touch and the hotline
 * has settled who takes the lead (prepaid cards of a vanished shop, social insurance fees, owners' committees), the
 * emergencies that must not wait for a model (gas), matters that always go to one utility or to the street, and matters
 * only one unit handles, named by a word citizens use (渣土车, 公厕, 公积金, 殡仪馆).
 */
@Component
class CatalogueDemoSeed implements DemoSeed {

    private record Seed(String name, Long categoryId, List<String> keywords, String unit, boolean local, List<String> assisting,
                        String note) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("燃气泄漏立即派燃气集团", null, List.of("燃气味", "煤气味", "漏气", "燃气泄漏"), "RQJT", false, List.of(),
                    "紧急：派单同时电话通知燃气集团抢修值班室"),
            new Seed("预付卡商家跑路由商务局牵头", 58L, List.of("跑路", "关门", "停业", "倒闭", "联系不上"), "SWJ", false, List.of("SCJ"),
                    "发卡企业停业、失联的，由商务局牵头，市场监管局协办"),
            new Seed("业委会和维修资金归物业科", null, List.of("业主委员会", "业委会", "维修资金"), "ZJJ-WYK", false, List.of(),
                    null),
            new Seed("社保费征缴归税务", null, List.of("社保费", "扣款失败", "缴费记录"), "SWJU", false, List.of(), null),
            new Seed("养老金待遇归人社", 85L, List.of(), "RSJ", false, List.of(), null),
            new Seed("医保报销归医保局", 103L, List.of(), "YBJ", false, List.of(), null),
            new Seed("违法停车归交警", 53L, List.of(), "JJZD", false, List.of(), null),
            new Seed("停水归水务集团", 29L, List.of(), "SWJT", false, List.of(), null),
            new Seed("停电归供电公司", 33L, List.of(), "GDJ", false, List.of(), null),
            new Seed("邻里噪音归属地街道", 5L, List.of(), "DH-S01-BSC", true, List.of(), "由诉求所在街道（乡镇）调解处理"),
            // matters only one unit handles, named by a word citizens use for them
            new Seed("渣土车归城管执法支队", null, List.of("渣土车"), "CGJ-ZFZD", false, List.of(), null),
            new Seed("公共厕所归环卫处", null, List.of("公厕", "公共厕所"), "CGJ-HWC", false, List.of(), null),
            new Seed("住房公积金归公积金中心", null, List.of("公积金"), "GJJ", false, List.of(), null),
            new Seed("优抚和军休归退役军人事务局", null, List.of("优待证", "伤残抚恤", "军休"), "TYJ", false, List.of(), null),
            new Seed("法律援助和公证归司法局", null, List.of("法律援助", "公证处"), "SFJ", false, List.of(), null),
            new Seed("黑广播和无线电干扰归工信局", null, List.of("黑广播", "无线电干扰"), "GXJ", false, List.of(), null),
            new Seed("旅行社和导游归文旅局", null, List.of("旅行社", "导游"), "WLJ", false, List.of(), null),
            new Seed("殡葬归民政局", null, List.of("殡仪馆", "公墓"), "MZJ", false, List.of(), null),
            new Seed("个税和发票归税务", null, List.of("个税", "个人所得税", "发票"), "SWJU", false, List.of(), null));

    private final DispatchCatalogue catalogue;
    private final Organization organization;
    private final JdbcClient jdbc;

    CatalogueDemoSeed(DispatchCatalogue catalogue, Organization organization, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.organization = organization;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (jdbc.sql("select exists(select 1 from wo_dispatch_rule) or exists(select 1 from wo_dispatch_catalogue)")
                .query(Boolean.class).single()) {
            return false;
        }
        for (Seed s : SEEDS) {
            Optional<OrgNode> unit = organization.nodeByCode(s.unit());
            if (unit.isEmpty()) {
                continue;
            }
            List<Long> assisting = s.assisting().stream().map(organization::nodeByCode).flatMap(Optional::stream).map(OrgNode::id).toList();
            catalogue.create(new DispatchCatalogue.RuleDraft(s.name(), s.categoryId(), null, null, s.keywords(), unit.get().id(),
                    s.local(), assisting, s.note(), true), "system");
        }
        catalogue.publish("演示城市的派单目录", "system");
        return true;
    }
}
