package org.openhotline.channels.internal.wechat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * WeChat's servers have no session and no CSRF token: the callback is open to anyone and proves its caller by the
 * signature instead (checked on every request by the controller). Only this one path is opened.
 */
@Configuration(proxyBeanMethods = false)
class WeChatSecurity {

    @Bean
    @Order(10)
    SecurityFilterChain weChatCallback(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/channels/wechat")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
