package org.openhotline.channels.internal.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public channels' own filter chain, ahead of the staff chain: {@code /api/portal/**} (the citizen portal) and
 * {@code /open311/**} (API keys checked by the controller) need no login, open no session and take no CSRF token —
 * no cookie authenticates them, so there is nothing to forge; the captcha, the rate limits and the query codes
 * guard them instead. Everything else stays with the staff chain and its login.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    @Bean
    @Order(12)
    SecurityFilterChain publicChannels(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/portal/**", "/open311/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable());
        return http.build();
    }
}
