/**
 * Single sign-on (统一身份认证) over OpenID Connect: staff sign in at the city's identity provider with the
 * authorization-code flow and PKCE; the provider's answer is linked to a local account by one configured claim
 * (username, phone or employee number), and the session is the same as a password login's — roles and data scope
 * are still granted here by the security admin. The provider is configured at run time ({@code id_sso_settings});
 * while it is on, password login can be kept for the three admins only, so they can still get in when the provider
 * is down. The only hook outside this package is one line in {@code SecurityConfiguration}.
 */
package org.openhotline.identity.internal.sso;
