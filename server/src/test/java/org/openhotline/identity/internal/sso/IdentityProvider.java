package org.openhotline.identity.internal.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The city's identity provider for the test: Spring Authorization Server (OpenID Connect, authorization code, PKCE
 * required) in its own small Spring context on a free port, with two people — one whose employee number
 * ({@code employee_number} claim) is linked to a platform account, one who is not.
 */
final class IdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "openhotline-city";
    static final String CLIENT_SECRET = "idp-client-secret-0123456789";
    static final String PASSWORD = "Idp-Passw0rd!";

    private final ConfigurableApplicationContext context;
    final int port;

    /** {@code redirectUri}: the platform's callback; {@code employees}: username → employee number claim. */
    IdentityProvider(String redirectUri, Map<String, String> employees) {
        context = new SpringApplicationBuilder(Config.class)
                .properties(Map.of("idp.redirect-uri", redirectUri, "server.port", "0", "spring.main.banner-mode", "off",
                        "spring.jmx.enabled", "false"))
                .initializers(ctx -> ((org.springframework.context.support.GenericApplicationContext) ctx)
                        .registerBean(Employees.class, () -> new Employees(employees)))
                .run();
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Username → employee number ({@code employee_number} claim). */
    record Employees(Map<String, String> numbers) {}

    /** Not a {@code @Configuration}: the platform's component scan would pick it up into the platform's context. */
    @EnableWebSecurity
    @ImportAutoConfiguration({
            org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
            org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class})
    static class Config {

        @Bean
        SecurityFilterChain idp(HttpSecurity http) {
            http.oauth2AuthorizationServer(as -> as.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people(Employees employees) {
            var users = new InMemoryUserDetailsManager();
            for (String name : employees.numbers().keySet()) {
                users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("STAFF").build());
            }
            return users;
        }

        /** The employee number goes into the ID token as {@code employee_number}. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> employeeNumber(Employees employees) {
            return ctx -> {
                if ("id_token".equals(ctx.getTokenType().getValue())) {
                    String number = employees.numbers().get(ctx.getPrincipal().getName());
                    if (number != null) {
                        ctx.getClaims().claim("employee_number", number);
                    }
                }
            };
        }

        @Bean
        RegisteredClientRepository clients(Environment env) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(env.getRequiredProperty("idp.redirect-uri"))
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's own userinfo endpoint (its access tokens are JWTs it signed). */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
                    .jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
