/**
 * Identity: staff accounts, roles, permissions, data scope, login and sessions (kept in PostgreSQL by Spring
 * Session JDBC). Owns tables {@code account}, {@code account_role}, {@code role_permission},
 * {@code security_policy}, {@code admin_recovery_request}, {@code account_second_factor},
 * {@code account_recovery_code}, {@code password_history}, {@code sms_factor_role}, {@code sms_factor_account},
 * {@code account_sms_code} and the session tables. Enforces the three-way separation of admin power (三权分立):
 * system, security and audit administrators each hold one power, and the database refuses a second. Publishes
 * login and access events for the audit trail. No account acts on an account holding another admin power; a lost
 * admin account comes back through the operator's recovery command or a joint recovery by the other two admins.
 * Logins of the roles in {@code hotline.security.mfa-roles} (and of anyone who enrolled) take a second step, a
 * TOTP code ({@code internal.mfa}), or an SMS code for the roles and accounts the security admin set (the code
 * leaves in {@link org.openhotline.identity.StaffSmsCodeRequested}, which the notification module sends); the
 * password policy ages, remembers and limits passwords and sessions.
 * Depends on organization to place each account in the tree, which gives it its data scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"organization", "shared"})
package org.openhotline.identity;
