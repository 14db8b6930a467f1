package org.openhotline.identity.internal.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openhotline.identity.LoginAttempted;
import org.openhotline.shared.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Adds the OpenID Connect login to the platform's filter chain: {@code /oauth2/authorization/city} sends the browser
 * to the provider (authorization code, PKCE {@code S256}, state and nonce), {@code /login/oauth2/code/city} takes the
 * code back, checks the ID token, and swaps the provider's identity for the linked local account's session — the
 * same principal, authorities and idle timeout as a password login. Failures land on the login page with a reason.
 */
@Component
public class SsoLogin {

    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

    private final SsoRegistrations registrations;
    private final SsoSettingsStore settings;
    private final SsoAccounts accounts;
    private final SecurityContextRepository contexts;
    private final ApplicationEventPublisher events;

    SsoLogin(SsoRegistrations registrations, SsoSettingsStore settings, SsoAccounts accounts,
             SecurityContextRepository contexts, ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.settings = settings;
        this.accounts = accounts;
        this.contexts = contexts;
        this.events = events;
    }

    /** The hook SecurityConfiguration calls on its chain. */
    public void configure(HttpSecurity http) throws Exception {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE for the confidential client too (a public client gets it anyway): the code is useless without the verifier.
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o
                .clientRegistrationRepository(registrations)
                .loginPage("/login") // the web UI's page; no generated one
                .authorizationEndpoint(a -> a.authorizationRequestResolver(new Tolerant(resolver)))
                .successHandler(this::succeeded)
                .failureHandler(this::failed));
    }

    /**
     * SSO switched off, or the provider's discovery document out of reach: no redirect is resolved and the request
     * goes on to {@link SsoController#unavailable}, which sends the browser back to the login page with the reason
     * (the filter would answer 500).
     */
    private record Tolerant(OAuth2AuthorizationRequestResolver delegate) implements OAuth2AuthorizationRequestResolver {
        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            try {
                return delegate.resolve(request);
            } catch (RuntimeException e) {
                log.warn("sso: no authorization request: {}", e.getMessage());
                return null;
            }
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
            try {
                return delegate.resolve(request, registrationId);
            } catch (RuntimeException e) {
                log.warn("sso: no authorization request: {}", e.getMessage());
                return null;
            }
        }
    }

    private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SsoSettings s = settings.current();
        String value = null;
        if (authentication.getPrincipal() instanceof OidcUser user) {
            Object claim = user.getClaims().get(s.linkClaim());
            value = claim == null ? null : String.valueOf(claim);
        }
        Optional<SsoAccounts.Linked> linked = accounts.link(s.linkField(), value);
        SecurityContextHolder.clearContext();
        if (linked.isEmpty()) {
            events.publishEvent(new LoginAttempted("sso:" + (value == null ? "?" : value), "sso-unlinked"));
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            redirectToLogin(request, response, "统一身份认证账号未关联本平台的可用账号，请联系安全管理员");
            return;
        }
        StaffPrincipal principal = linked.get().principal();
        HttpSession old = request.getSession(false);
        if (old != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) linked.get().idleTimeout().toSeconds());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                SsoAccounts.authorities(principal).stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new LoginAttempted(principal.username(), "success")); // an SSO login is a login (auth.login)
        response.sendRedirect(request.getContextPath() + "/");
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        log.warn("sso: sign-in failed: {}", e.getMessage());
        events.publishEvent(new LoginAttempted("sso:?", "sso-failed"));
        redirectToLogin(request, response, "统一身份认证登录失败，请重试或联系管理员");
    }

    static void redirectToLogin(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?ssoError=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
    }
}
