package org.openhotline.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The web UI's security headers and what the platform shows without a login (GB/T 22239 level 3, issue 19).
 * CSP: scripts only from the platform itself (the Vite build has no inline script); inline styles stay allowed
 * because Element Plus positions popups with style attributes; images also from {@code data:} (the enrolment QR
 * code) and {@code blob:}; no framing by other sites. HSTS is sent on requests that arrived over TLS, which
 * includes those behind a TLS proxy once {@code server.forward-headers-strategy} trusts its X-Forwarded-Proto
 * (the session and XSRF cookies are {@code Secure} on those requests too). The API description, Swagger UI and
 * the Prometheus metrics need a login unless {@code hotline.security.public-api-docs} /
 * {@code hotline.security.public-metrics} say otherwise.
 */
@Component
class WebHardening {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final boolean publicApiDocs;
    private final boolean publicMetrics;

    WebHardening(@Value("${hotline.security.public-api-docs:false}") boolean publicApiDocs,
                 @Value("${hotline.security.public-metrics:false}") boolean publicMetrics) {
        this.publicApiDocs = publicApiDocs;
        this.publicMetrics = publicMetrics;
    }

    Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        return h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** The documentation and metrics paths: public when configured, otherwise for any logged-in user. */
    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry exposure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        var docs = auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");
        if (publicApiDocs) {
            docs.permitAll();
        } else {
            docs.authenticated();
        }
        var metrics = auth.requestMatchers("/actuator/prometheus");
        if (publicMetrics) {
            metrics.permitAll();
        } else {
            metrics.hasAuthority("config:manage");
        }
        return auth;
    }
}
