package org.openhotline.identity.internal.sso;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The one client registration, {@value #ID}, built from the current settings: the provider's endpoints come from its
 * OpenID discovery document (fetched when first needed after a change, then kept), so the security admin enters the
 * issuer and the client only.
 */
@Component
class SsoRegistrations implements ClientRegistrationRepository {

    static final String ID = "city";

    private record Built(int version, ClientRegistration registration) {}

    private final SsoSettingsStore settings;
    private final AtomicReference<Built> built = new AtomicReference<>();

    SsoRegistrations(SsoSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        SsoSettings s = settings.current();
        if (!ID.equals(registrationId) || !s.enabled()) {
            return null;
        }
        Built b = built.get();
        if (b == null || b.version() != s.version()) {
            b = new Built(s.version(), build(s));
            built.set(b);
        }
        return b.registration();
    }

    private static ClientRegistration build(SsoSettings s) {
        boolean confidential = s.clientSecret() != null && !s.clientSecret().isBlank();
        return ClientRegistrations.fromOidcIssuerLocation(s.issuerUri())
                .registrationId(ID)
                .clientName(s.buttonLabel())
                .clientId(s.clientId())
                .clientSecret(confidential ? s.clientSecret() : null)
                .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(s.scopeList())
                .userNameAttributeName("sub")
                .build();
    }
}
