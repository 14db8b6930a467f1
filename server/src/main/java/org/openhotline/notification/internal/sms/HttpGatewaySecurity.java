package org.openhotline.notification.internal.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The SMS gateway has no session or CSRF token: its callback path is opened and checks the bearer token itself. */
@Configuration(proxyBeanMethods = false)
class HttpGatewaySecurity {

    static final String PATH = "/api/notification/sms/http-callback";

    @Bean
    @Order(11)
    SecurityFilterChain smsGatewayCallback(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATH)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
