/**
 * The second factor's pure parts: TOTP codes (RFC 6238), recovery codes and the enrolment QR code. No Spring, no
 * database: the identity module's {@code SecondFactors} stores secrets and {@code SecondFactorController} runs the
 * login's second step with these.
 */
package org.openhotline.identity.internal.mfa;
