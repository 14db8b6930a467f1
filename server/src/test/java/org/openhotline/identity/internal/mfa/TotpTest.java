package org.openhotline.identity.internal.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA-1 rows (8 digits). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238TestVectors(long seconds, String expected) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void base32RoundTripsAndSixDigitCodesAreTheLastDigitsOfTheVector() {
        String secret = Totp.base32(RFC_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.unbase32(secret)).isEqualTo(RFC_KEY);
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepEitherSideAndNeverAnUsedStepAgain() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-12-05T01:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, 0)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).as("replayed").isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, step)).as("older than the last used").isEmpty();
        assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(secret, null, now, 0)).isEmpty();
    }

    @Test
    void theUriCarriesIssuerAccountAndSecret() {
        assertThat(Totp.uri("12345热线", "secadmin2", "ABC")).startsWith("otpauth://totp/12345%E7%83%AD%E7%BA%BF:secadmin2?secret=ABC&issuer=");
    }

    @Test
    void recoveryCodesAreTenDistinctAndHashedNormalised() {
        var codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        String c = codes.get(0);
        assertThat(RecoveryCodes.looksLikeOne(c)).isTrue();
        assertThat(RecoveryCodes.hash(c.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(c));
        assertThat(QrCodes.png(Totp.uri("a", "b", "ABC"), 100)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
