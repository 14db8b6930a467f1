package org.openhotline.exchange.internal.pipe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The pipe's endpoints are called by other platforms, not by logged-in staff: no session and no CSRF token; each
 * request proves its sender by its signature ({@link InboxController#authenticate}).
 */
@Configuration(proxyBeanMethods = false)
class PipeSecurity {

    @Bean
    @Order(13)
    SecurityFilterChain exchangePipe(HttpSecurity http) throws Exception {
        return http.securityMatcher("/exchange/v1/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
