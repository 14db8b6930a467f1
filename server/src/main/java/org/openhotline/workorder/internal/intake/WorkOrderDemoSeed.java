package org.openhotline.workorder.internal.intake;

import java.util.List;
import java.util.Set;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DemoSeed;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.Intake;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.OrderDeadlines;
import org.openhotline.workorder.internal.model.OrderSteps;
import org.openhotline.workorder.internal.values.Actor;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.Satisfaction;
import org.openhotline.workorder.internal.values.UnitTarget;
import org.openhotline.workorder.internal.values.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo work orders in every state, taken through the same steps as the API (so they carry timelines, deadlines
 * and timers): the screens are not empty on first start.
 */
@Component
class WorkOrderDemoSeed implements DemoSeed {

    /** content, category leaf, main unit code, how far it goes. */
    private record Sample(String content, String category, String unit, String address, int stage) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("小区旁边工地每天晚上十一点后还在施工，噪音很大影响休息", "施工噪音", "ZJJ", "东湖区人民路18号锦江花园", 0),
            new Sample("楼下烧烤店油烟直排，窗户都不敢开", "餐饮油烟", "CGJ", "西山区翠屏路66号", 1),
            new Sample("小区电梯经常困人，物业一直不维修", "电梯维修", "ZJJ", "南城区文昌路9号阳光小区", 2),
            new Sample("单位拖欠三个月工资不发，多次讨要无果", "企业欠薪", "RSJ", "北港区港口路120号", 3),
            new Sample("路口红绿灯坏了两天，早晚高峰很危险", "交通信号灯", "JJZD", "江口区龙泉大道与望江路交叉口", 4),
            new Sample("咨询孩子小学入学需要准备哪些材料", "入学政策", "JYJ", "东湖区", 5),
            new Sample("家里停水一整天了，没有任何通知", "停水", "SWJT", "西山区石门街道金沙小区", 2),
            new Sample("网购的电器有质量问题，商家拒绝退货", "网络购物", "SCJ", "南城区古城路3号", 1),
            new Sample("人行道上井盖缺失，晚上有人差点掉下去", "井盖缺失", "CGJ", "北港区渔港路口", 0),
            new Sample("医保异地报销流程咨询", "医保报销", "YBJ", "青溪区", 5),
            new Sample("养老金本月未按时到账", "养老金", "RSJ", "东湖区湖滨街道", 3),
            new Sample("小区垃圾三天无人清运，臭味很大", "垃圾清运", "DH-WS", "东湖区东湖街道桂园小区", 1),
            new Sample("表扬：公交12路司机热心帮助老人上下车", "表扬", "JTJ", "江州市", 6));

    private final Intake intake;
    private final OrderSteps steps;
    private final OrderAccess access;
    private final OrderDeadlines deadlines;
    private final Organization organization;
    private final JdbcClient jdbc;

    WorkOrderDemoSeed(Intake intake, OrderSteps steps, OrderAccess access, OrderDeadlines deadlines,
                      Organization organization, JdbcClient jdbc) {
        this.intake = intake;
        this.steps = steps;
        this.access = access;
        this.deadlines = deadlines;
        this.organization = organization;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (jdbc.sql("select exists(select 1 from work_order)").query(Boolean.class).single()) {
            return false;
        }
        OrgNode city = organization.nodeByCode("JZ").orElse(null);
        if (city == null) {
            return false;
        }
        StaffPrincipal hotline = new StaffPrincipal(0, "agent1", "话务员 王晓燕", city.id(), city.path(), Set.of("AGENT"), Set.of());
        Actor agent = new Actor("agent1", "话务员 王晓燕");
        Actor dispatcher = new Actor("dispatcher1", "派单员 何雨晴");
        Actor callback = new Actor("callback1", "回访员 罗佳怡");
        int i = 0;
        for (Sample s : SAMPLES) {
            i++;
            Long category = jdbc.sql("select id from wo_category where name = ? order by level desc limit 1")
                    .param(s.category()).query(Long.class).optional().orElse(null);
            AppealType type = s.content().startsWith("咨询") ? AppealType.CONSULTATION
                    : s.content().startsWith("表扬") ? AppealType.PRAISE : AppealType.COMPLAINT;
            var created = intake.create(new Intake.NewOrder(i % 3 == 0 ? Channel.WECHAT : Channel.PHONE, type,
                    Urgency.NORMAL, category, null, s.address(), null, s.content(), "市民" + "赵钱孙李周吴郑王冯陈褚卫何蒋".charAt(i % 14) + "先生",
                    String.format("1380771%04d", i), false, false, null, null), null, hotline);
            if (s.stage() == 6) {
                steps.runUnversioned(created.id(), hotline, (o, now) -> o.replyDirectly("感谢您的表扬，已转达公交集团。", agent, now));
                continue;
            }
            if (s.stage() == 0) {
                continue;
            }
            UnitTarget unit = access.unit(organization.nodeByCode(s.unit()).orElseThrow().id());
            steps.runUnversioned(created.id(), hotline, (o, now) -> o.dispatch(unit, List.of(), "请按职责办理并按时答复", dispatcher, now, deadlines));
            if (s.stage() >= 2) {
                Actor handler = new Actor(s.unit().toLowerCase() + "1", unit.name() + " 经办人");
                steps.runUnversioned(created.id(), hotline, (o, now) -> o.sign(o.assignments().getFirst(), handler, now));
                if (s.stage() >= 3) {
                    steps.runUnversioned(created.id(), hotline, (o, now) -> o.reply(o.assignments().getFirst(),
                            "经核实，已责成相关责任方整改，并将持续跟踪。", List.of(), handler, now));
                }
                if (s.stage() >= 4) {
                    steps.runUnversioned(created.id(), hotline, (o, now) -> o.reviewReply(true, null, dispatcher, now, deadlines));
                }
                if (s.stage() >= 5) {
                    steps.runUnversioned(created.id(), hotline, (o, now) -> o.callback(true, Satisfaction.SATISFIED, "群众表示满意", callback, now, deadlines));
                }
            }
        }
        return true;
    }
}
