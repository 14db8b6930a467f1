package org.openhotline.identity.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ./run.sh --hotline.recover-admin=secadmin}: the operator's offline recovery of an admin account. Runs
 * once the platform has started, prints the one-time password on the console (never into the log file), and
 * stops the process. Run it while the platform is stopped: the embedded database is the running platform's.
 */
@Component
class AdminRecoveryCommand {

    private static final Logger log = LoggerFactory.getLogger(AdminRecoveryCommand.class);

    private final String username;
    private final AdminRecovery recovery;
    private final ConfigurableApplicationContext context;
    private final ZoneId zone;

    AdminRecoveryCommand(@Value("${hotline.recover-admin:}") String username, AdminRecovery recovery,
                         ConfigurableApplicationContext context, @Value("${hotline.time-zone:Asia/Shanghai}") String zone) {
        this.username = username;
        this.recovery = recovery;
        this.context = context;
        this.zone = ZoneId.of(zone);
    }

    /** When the platform is ready: after the migrations and, on a first start, the demo accounts' seeding. */
    @EventListener(ApplicationReadyEvent.class)
    void run() {
        if (username.isBlank()) {
            return;
        }
        int status;
        try {
            var done = recovery.recover(username);
            System.out.println();
            System.out.println("========== 管理员账号恢复 / admin recovery ==========");
            System.out.println("  账号:       " + done.username());
            System.out.println("  一次性密码: " + done.password());
            System.out.println("  有效期至:   " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(done.expiresAt()));
            System.out.println("  登录后只能修改密码；修改后用新密码重新登录。此次恢复已记入审计日志。");
            System.out.println("=====================================================");
            status = 0;
        } catch (IllegalArgumentException refused) {
            System.err.println("管理员账号恢复失败：" + refused.getMessage());
            status = 2;
        }
        log.info("Admin recovery for {} finished with status {}; stopping", username, status);
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
