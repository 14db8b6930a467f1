package org.openhotline.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.identity.AccessPolicyChanged;
import org.openhotline.identity.Permission;
import org.openhotline.identity.Role;
import org.openhotline.shared.DomainException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Role permissions and the security policy. Seeds each role's default permissions on first start. The admin
 * powers' permissions are fixed: they can neither be taken from their role nor given to another one.
 */
@Service
@Order(1)
class AccessAdministration implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final SecurityPolicies policies;
    private final ApplicationEventPublisher events;

    AccessAdministration(JdbcClient jdbc, SecurityPolicies policies, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from role_permission").query(Long.class).single() > 0) {
            return;
        }
        for (Role role : Role.values()) {
            for (Permission p : Permission.defaultsOf(role)) {
                jdbc.sql("insert into role_permission (role, permission) values (?, ?)").params(role.name(), p.code()).update();
            }
        }
    }

    List<String> permissionsOf(Role role) {
        return jdbc.sql("select permission from role_permission where role = ?").param(role.name())
                .query(String.class).list();
    }

    @Transactional
    void setPermissions(Role role, Set<String> codes) {
        if (role.isAdminPower()) {
            throw DomainException.conflict("三权分立：管理员角色的权限固定，不能修改");
        }
        Set<Permission> wanted = EnumSet.noneOf(Permission.class);
        for (String code : codes) {
            Permission p = Permission.ofCode(code).orElseThrow(() -> DomainException.invalid("未知权限：" + code));
            if (p.reservedFor() != null) {
                throw DomainException.conflict("三权分立：「" + p.label() + "」只属于" + p.reservedFor().label() + "，不能授予其他角色");
            }
            wanted.add(p);
        }
        List<String> before = permissionsOf(role);
        jdbc.sql("delete from role_permission where role = ?").param(role.name()).update();
        for (Permission p : wanted) {
            jdbc.sql("insert into role_permission (role, permission) values (?, ?)").params(role.name(), p.code()).update();
        }
        events.publishEvent(new AccessPolicyChanged("role-permissions", "role:" + role.name(),
                Map.of("before", before.stream().sorted().toList(),
                        "after", wanted.stream().map(Permission::code).sorted().toList())));
    }

    SecurityPolicy policy() {
        return policies.current();
    }

    @Transactional
    SecurityPolicy setPolicy(SecurityPolicy form) {
        SecurityPolicy before = policies.current();
        SecurityPolicy policy = form.orKeep(before);
        policy.checkSane();
        policies.save(policy);
        SecurityPolicy after = policies.current();
        events.publishEvent(new AccessPolicyChanged("security-policy", "security-policy",
                Map.of("before", before.toString(), "after", after.toString())));
        return after;
    }
}
