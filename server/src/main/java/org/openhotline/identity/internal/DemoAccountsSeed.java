package org.openhotline.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openhotline.identity.Role;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DemoSeed;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts for every role: the three admins and the hotline's staff at the city (the 12345 center's
 * data scope is the whole city), a handler and a leader for a few units, and one account per district
 * workstation. All share the demo password.
 */
@Component
class DemoAccountsSeed implements DemoSeed {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] GIVEN = {"晓燕", "建国", "丽华", "志强", "海燕", "文静", "国庆", "春梅", "永红", "俊杰"};

    private final Accounts accounts;
    private final Organization organization;
    private final PasswordEncoder encoder;
    private final SecurityPolicies policies;

    DemoAccountsSeed(Accounts accounts, Organization organization, PasswordEncoder encoder, SecurityPolicies policies) {
        this.policies = policies;
        this.accounts = accounts;
        this.organization = organization;
        this.encoder = encoder;
    }

    @Override
    public int order() {
        return 20;
    }

    record Demo(String username, String name, String nodeCode, Set<Role> roles, String agentNo) {}

    static List<Demo> demoAccounts() {
        List<Demo> list = new ArrayList<>();
        list.add(new Demo("sysadmin", "系统管理员", "NJ", EnumSet.of(Role.SYS_ADMIN), null));
        list.add(new Demo("secadmin", "安全管理员", "NJ", EnumSet.of(Role.SEC_ADMIN), null));
        list.add(new Demo("auditadmin", "审计管理员", "NJ", EnumSet.of(Role.AUDIT_ADMIN), null));
        list.add(new Demo("manager", "热线主管 钱立", "JZ", EnumSet.of(Role.MANAGER), null));
        list.add(new Demo("leader", "市领导 孙志远", "JZ", EnumSet.of(Role.LEADER), null));
        for (int i = 1; i <= 10; i++) {
            list.add(new Demo("agent" + i, "话务员 " + SURNAMES[i - 1] + GIVEN[i - 1], "JZ", EnumSet.of(Role.AGENT),
                    String.format("1%03d", i)));
        }
        list.add(new Demo("teamleader1", "班长 郑海涛", "JZ", EnumSet.of(Role.TEAM_LEADER), "1901"));
        list.add(new Demo("dispatcher1", "派单员 何雨晴", "JZ", EnumSet.of(Role.DISPATCHER), null));
        list.add(new Demo("callback1", "回访员 罗佳怡", "JZ", EnumSet.of(Role.CALLBACK_AGENT), "1801"));
        list.add(new Demo("supervisor1", "督办专员 梁正", "JZ", EnumSet.of(Role.SUPERVISOR), null));
        list.add(new Demo("qc1", "质检员 谢敏", "JZ", EnumSet.of(Role.QC_INSPECTOR), null));
        // a second inspector: calibration needs two, and an appeal goes to an inspector other than the first
        list.add(new Demo("qc2", "质检员 陶然", "JZ", EnumSet.of(Role.QC_INSPECTOR), null));
        list.add(new Demo("kbeditor1", "知识库采编 韩雪", "JZ", EnumSet.of(Role.KB_EDITOR), null));
        for (String unit : List.of("ZJJ", "CGJ", "SBJ", "SCJ", "RSJ", "JTJ", "SWJT", "GDJ", "JYJ", "WJW")) {
            String code = unit.toLowerCase();
            list.add(new Demo(code + "1", "经办人", unit, EnumSet.of(Role.UNIT_HANDLER), null));
            list.add(new Demo(code + "_leader", "分管领导", unit, EnumSet.of(Role.UNIT_LEADER), null));
        }
        for (String d : List.of("DH", "XS", "NC", "BG", "JK", "QX", "LJ")) {
            list.add(new Demo(d.toLowerCase() + "_ws1", "工作站派单员", d + "-WS", EnumSet.of(Role.UNIT_HANDLER, Role.DISPATCHER), null));
        }
        list.add(new Demo("dh_s01", "街道经办人", "DH-S01-BSC", EnumSet.of(Role.UNIT_HANDLER), null));
        return list;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (accounts.count() > 0) {
            return false;
        }
        policies.relaxForDemo();
        // One Argon2 hash for all: the demo accounts share the one password anyway, and ~50 hashes were most of the
        // first start's seeding time (70 s of CPU-starved wall time at load 50). A changed password gets its own hash.
        String hash = encoder.encode(demoPassword);
        for (Demo d : demoAccounts()) {
            OrgNode node = organization.nodeByCode(d.nodeCode())
                    .orElseThrow(() -> new IllegalStateException("demo node missing: " + d.nodeCode()));
            String name = d.name().contains(" ") || d.roles().stream().anyMatch(Role::isAdminPower)
                    ? d.name() : node.name() + " " + d.name();
            long id = accounts.insert(d.username(), name, hash, node.id(), null, null, d.agentNo());
            accounts.replaceRoles(id, d.roles());
            accounts.markDemo(id); // exempt from second factor and password ageing while demo is on (DemoExemption)
        }
        return true;
    }
}
