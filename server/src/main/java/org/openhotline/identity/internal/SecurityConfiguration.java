package org.openhotline.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP security: session cookie (HttpOnly, SameSite=Lax) backed by Spring Session JDBC, CSRF tokens in the
 * {@code XSRF-TOKEN} cookie echoed as {@code X-XSRF-TOKEN}, every {@code /api} call authenticated and each
 * endpoint checking its permission with {@code @PreAuthorize}. Refusals are problem bodies in Chinese.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, CsrfTokenRepository csrfTokens, WebHardening hardening,
                            org.openhotline.identity.internal.sso.SsoLogin sso) throws Exception {
        sso.configure(http); // single sign-on over OpenID Connect, when the security admin configures it
        http.csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens))
                .headers(hardening.headers()) // issue 19: CSP, Referrer-Policy, frame-ancestors, HSTS over TLS
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .authorizeHttpRequests(auth -> hardening.exposure(auth) // issue 19: API docs, metrics not public unless configured
                        .requestMatchers("/api/auth/login").permitAll()
                        // the second step of a login checks the pending login held in the session itself
                        .requestMatchers("/api/auth/second-factor", "/api/auth/second-factor/**").permitAll()
                        .requestMatchers("/api/auth/**").authenticated()
                        // a session opened with a recovery one-time password may only change it (under /api/auth)
                        .requestMatchers("/api/**").access(AuthorizationManagers.<RequestAuthorizationContext>allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(
                                        Logins.CHANGE_PASSWORD_ONLY))))
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority("config:manage")
                        .anyRequest().permitAll())
                .securityContext(ctx -> ctx.securityContextRepository(securityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(json, res, 401, "未登录", "请先登录"))
                        .accessDeniedHandler((req, res, ex) -> problem(json, res, 403, "无权操作",
                                ex instanceof org.springframework.security.web.csrf.CsrfException
                                        ? "安全校验失败，请刷新页面后重试" : "您没有执行此操作的权限")));
        return http.build();
    }

    /** The XSRF-TOKEN cookie as bean, so that a login can rotate the token (LoginSessions). */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    /**
     * No observation of each security filter and authorization decision (application.yml already turns them off):
     * without this setting Spring Security still wraps every filter of every chain in an observing decorator that
     * creates and discards a no-op observation per filter per request (issue 14: 2 % of a portal submit's CPU samples).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Argon2id for new hashes; the {id} prefix lets a later algorithm take over without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    private static void problem(JsonMapper json, HttpServletResponse res, int status, String title, String detail)
            throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://openhotline.org/problems/" + (status == 401 ? "unauthenticated" : "forbidden"));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        res.getWriter().write(json.writeValueAsString(body));
    }

    /** Loads the deferred CSRF token on every request so the XSRF-TOKEN cookie is always there for the UI. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
