package org.openhotline.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DOMAIN.md. The three admin roles split admin power; no account holds two of them. */
public enum Role {
    AGENT("话务员"), TEAM_LEADER("班长"), DISPATCHER("派单员"), CALLBACK_AGENT("回访员"), SUPERVISOR("督办专员"),
    QC_INSPECTOR("质检员"), KB_EDITOR("知识库采编"), UNIT_HANDLER("承办单位经办人"), UNIT_LEADER("承办单位领导"),
    MANAGER("热线业务主管"), LEADER("市领导"), SYS_ADMIN("系统管理员"), SEC_ADMIN("安全管理员"), AUDIT_ADMIN("审计管理员");

    public static final Set<Role> ADMIN_POWERS = EnumSet.of(SYS_ADMIN, SEC_ADMIN, AUDIT_ADMIN);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isAdminPower() {
        return ADMIN_POWERS.contains(this);
    }
}
