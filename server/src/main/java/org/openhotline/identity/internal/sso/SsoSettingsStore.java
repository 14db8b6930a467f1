package org.openhotline.identity.internal.sso;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.openhotline.identity.AccessPolicyChanged;
import org.openhotline.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one row of SSO settings. Read on every login redirect and local login, so it is cached; a save drops the cache. */
@Component
public class SsoSettingsStore {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile SsoSettings cached;

    SsoSettingsStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public SsoSettings current() {
        SsoSettings s = cached;
        if (s == null) {
            s = jdbc.sql("select * from id_sso_settings where id = 1").query((rs, n) -> new SsoSettings(
                    rs.getBoolean("enabled"), rs.getString("issuer_uri"), rs.getString("client_id"),
                    rs.getString("client_secret"), rs.getString("scopes"), rs.getString("link_claim"),
                    SsoSettings.LinkField.valueOf(rs.getString("link_field")), rs.getString("button_label"),
                    rs.getBoolean("local_login_admins_only"), rs.getInt("version"))).single();
            cached = s;
        }
        return s;
    }

    /** Saves with a version check; a blank secret keeps the stored one. Audited (without the secret). */
    @Transactional
    public SsoSettings save(SsoSettings s, String by) {
        s.checkUsable();
        int rows = jdbc.sql("""
                update id_sso_settings set enabled = :enabled, issuer_uri = :issuer, client_id = :clientId,
                       client_secret = coalesce(nullif(:secret, ''), client_secret), scopes = :scopes,
                       link_claim = :claim, link_field = :field, button_label = :label,
                       local_login_admins_only = :adminsOnly, version = version + 1, updated_at = :now
                 where id = 1 and version = :version""")
                .param("enabled", s.enabled()).param("issuer", s.issuerUri()).param("clientId", s.clientId())
                .param("secret", s.clientSecret() == null ? "" : s.clientSecret()).param("scopes", String.join(" ", s.scopeList()))
                .param("claim", s.linkClaim()).param("field", s.linkField().name()).param("label", s.buttonLabel())
                .param("adminsOnly", s.localLoginAdminsOnly()).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("version", s.version()).update();
        if (rows == 0) {
            throw DomainException.conflict("统一身份认证设置已被他人修改，请刷新后重试");
        }
        cached = null;
        events.publishEvent(new AccessPolicyChanged("sso-settings", "sso-settings", Map.of("enabled", s.enabled(),
                "issuer", String.valueOf(s.issuerUri()), "clientId", String.valueOf(s.clientId()),
                "linkClaim", s.linkClaim(), "linkField", s.linkField().name(),
                "localLoginAdminsOnly", s.localLoginAdminsOnly(), "by", by)));
        return current();
    }
}
