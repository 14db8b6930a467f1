package org.openhotline.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a role may do. Each role's set is stored in {@code role_permission} and edited by the security admin;
 * the defaults below are seeded. Admin powers ({@link #reservedFor()} not null) belong to their admin role only,
 * so that granting permissions can never merge two of the three powers.
 */
public enum Permission {
    ACCOUNT_MANAGE("account:manage", "账号管理", Role.SYS_ADMIN),
    ORG_MANAGE("org:manage", "组织机构管理", Role.SYS_ADMIN),
    CONFIG_MANAGE("config:manage", "系统配置", Role.SYS_ADMIN),
    ROLE_GRANT("role:grant", "角色与权限授权", Role.SEC_ADMIN),
    SECURITY_POLICY("security:policy", "安全策略", Role.SEC_ADMIN),
    AUDIT_READ("audit:read", "查看审计日志", Role.AUDIT_ADMIN),
    PHONE_UNMASK("phone:unmask", "查看完整号码（留痕）", null),
    WORKORDER_INTAKE("workorder:intake", "工单受理", null),
    WORKORDER_DISPATCH("workorder:dispatch", "工单派单与审核", null),
    WORKORDER_HANDLE("workorder:handle", "承办单位办理", null),
    WORKORDER_CALLBACK("workorder:callback", "回访", null),
    WORKORDER_SUPERVISE("workorder:supervise", "督办", null),
    WORKORDER_READ("workorder:read", "工单查询", null),
    KNOWLEDGE_READ("knowledge:read", "知识库查阅", null),
    KNOWLEDGE_EDIT("knowledge:edit", "知识采编", null),
    KNOWLEDGE_REVIEW("knowledge:review", "知识审核发布", null),
    KNOWLEDGE_CATEGORY("knowledge:category", "知识栏目管理", null),
    CALL_AGENT("call:agent", "坐席接听", null),
    CALL_MONITOR("call:monitor", "班长监控（监听、强插等）", null),
    CALL_ADMIN("call:admin", "呼叫中心配置", null),
    QC_INSPECT("qc:inspect", "质检", null),
    REPORT_READ("report:read", "报表查看", null),
    BIGSCREEN_VIEW("bigscreen:view", "大屏", null),
    BUSINESS_CONFIG("business:config", "业务规则配置（分类、时限、日历）", null),
    RECORDING_DELETE("recording:delete", "审批删除通话录音", null),
    QC_LEAD("qc:lead", "质检组长（质检模板、抽检计划、二次质检、校准基准）", null),
    WORKFORCE_MANAGE("workforce:manage", "排班与话务预测", null),
    TRAINING_MANAGE("training:manage", "培训考试管理", null),
    OPS_VIEW("ops:view", "运维监控（健康、告警、备份、巡检报告）", Role.SYS_ADMIN),
    OPS_MANAGE("ops:manage", "运维管理（告警规则与处理、备份）", Role.SYS_ADMIN);

    private final String code;
    private final String label;
    private final Role reservedFor;

    Permission(String code, String label, Role reservedFor) {
        this.code = code;
        this.label = label;
        this.reservedFor = reservedFor;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Role reservedFor() {
        return reservedFor;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** The seeded permissions of each role. */
    public static Set<Permission> defaultsOf(Role role) {
        return switch (role) {
            case SYS_ADMIN -> EnumSet.of(ACCOUNT_MANAGE, ORG_MANAGE, CONFIG_MANAGE, OPS_VIEW, OPS_MANAGE);
            case SEC_ADMIN -> EnumSet.of(ROLE_GRANT, SECURITY_POLICY);
            case AUDIT_ADMIN -> EnumSet.of(AUDIT_READ);
            case AGENT -> EnumSet.of(PHONE_UNMASK, WORKORDER_INTAKE, WORKORDER_READ, KNOWLEDGE_READ, CALL_AGENT);
            case TEAM_LEADER -> EnumSet.of(PHONE_UNMASK, WORKORDER_INTAKE, WORKORDER_READ, KNOWLEDGE_READ, CALL_AGENT,
                    CALL_MONITOR, REPORT_READ);
            case DISPATCHER -> EnumSet.of(PHONE_UNMASK, WORKORDER_DISPATCH, WORKORDER_READ, KNOWLEDGE_READ);
            case CALLBACK_AGENT -> EnumSet.of(PHONE_UNMASK, WORKORDER_CALLBACK, WORKORDER_READ, KNOWLEDGE_READ, CALL_AGENT);
            case SUPERVISOR -> EnumSet.of(PHONE_UNMASK, WORKORDER_SUPERVISE, WORKORDER_READ, KNOWLEDGE_READ, REPORT_READ);
            case QC_INSPECTOR -> EnumSet.of(QC_INSPECT, WORKORDER_READ, KNOWLEDGE_READ);
            case KB_EDITOR -> EnumSet.of(KNOWLEDGE_READ, KNOWLEDGE_EDIT, KNOWLEDGE_REVIEW, KNOWLEDGE_CATEGORY);
            case UNIT_HANDLER -> EnumSet.of(WORKORDER_HANDLE, WORKORDER_READ, KNOWLEDGE_READ);
            case UNIT_LEADER -> EnumSet.of(WORKORDER_HANDLE, WORKORDER_READ, KNOWLEDGE_READ, REPORT_READ);
            case MANAGER -> EnumSet.of(WORKORDER_READ, KNOWLEDGE_READ, KNOWLEDGE_REVIEW, KNOWLEDGE_CATEGORY, CALL_ADMIN, REPORT_READ,
                    BIGSCREEN_VIEW, BUSINESS_CONFIG, RECORDING_DELETE, QC_LEAD, WORKFORCE_MANAGE, TRAINING_MANAGE);
            case LEADER -> EnumSet.of(REPORT_READ, BIGSCREEN_VIEW);
        };
    }
}
