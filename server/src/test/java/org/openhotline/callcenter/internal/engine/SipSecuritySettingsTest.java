package org.openhotline.callcenter.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.SipSecurity;
import org.openhotline.telephony.SrtpPolicy;

/**
 * {@code hotline.sip.tls.*}, {@code hotline.sip.srtp} and {@code hotline.sip.trunks[n].srtp} / {@code .transport} reach
 * the engine.
 */
class SipSecuritySettingsTest {

    private static TelephonyProperties properties(TelephonyProperties.TlsProperties tls, SrtpPolicy phones,
                                                  List<TelephonyProperties.TrunkProperties> trunks) {
        return new TelephonyProperties(true, "0.0.0.0", "192.0.2.10", 5060, 20000, 29999, "12345", true, trunks, tls,
                phones);
    }

    @Test
    void tlsIsOffUnlessEnabledAndPoliciesDefaultToOptional() {
        SipSecurity s = TelephonyRuntime.security(properties(null, null, List.of()), Path.of("/data/sip-tls"));
        assertThat(s.tls()).isNull();
        assertThat(s.phones()).isEqualTo(SrtpPolicy.OPTIONAL);
        assertThat(s.policyFor("carrier")).isEqualTo(SrtpPolicy.OPTIONAL);
        s = TelephonyRuntime.security(properties(new TelephonyProperties.TlsProperties(false, 5061, "", "", "", "", ""),
                null, List.of()), Path.of("/data/sip-tls"));
        assertThat(s.tls()).isNull();
    }

    @Test
    void certificateFilesPortAndPerTrunkPoliciesAreMapped() {
        var carrier = new TelephonyProperties.TrunkProperties("carrier", List.of("12345"), List.of("203.0.113.10"),
                null, null, "sbc.carrier.example.cn", null, null, SrtpPolicy.REQUIRED, false, "TLS");
        var legacy = new TelephonyProperties.TrunkProperties("legacy", List.of("12346"), List.of("203.0.113.11"),
                null, null, "203.0.113.11", null, null, SrtpPolicy.OFF, false, null);
        SipSecurity s = TelephonyRuntime.security(properties(new TelephonyProperties.TlsProperties(true, 5071,
                "/etc/openhotline/sip-chain.pem", "/etc/openhotline/sip.key", " ", null, "/etc/openhotline/carriers.pem"),
                SrtpPolicy.REQUIRED,
                List.of(carrier, legacy)), Path.of("/data/sip-tls"));
        assertThat(s.tls().port()).isEqualTo(5071);
        assertThat(s.tls().certificate()).isEqualTo(Path.of("/etc/openhotline/sip-chain.pem"));
        assertThat(s.tls().privateKey()).isEqualTo(Path.of("/etc/openhotline/sip.key"));
        assertThat(s.tls().pkcs12()).as("blank means none").isNull();
        assertThat(s.tls().generatedDirectory()).isEqualTo(Path.of("/data/sip-tls"));
        assertThat(s.tls().hostName()).isEqualTo("192.0.2.10");
        assertThat(s.policyFor("extension")).isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(s.policyFor("carrier")).isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(s.policyFor("legacy")).isEqualTo(SrtpPolicy.OFF);
        assertThat(s.policyFor("demo-loopback")).isEqualTo(SrtpPolicy.OPTIONAL);
        assertThat(s.tls().trustedCertificates()).isEqualTo(Path.of("/etc/openhotline/carriers.pem"));
        assertThat(TelephonyRuntime.trunk(carrier).transport()).isEqualTo("tls");
        assertThat(TelephonyRuntime.trunk(carrier).outboundPort()).as("SIP over TLS's port").isEqualTo(5061);
        assertThat(TelephonyRuntime.trunk(legacy).transport()).isEqualTo("udp");
        assertThat(TelephonyRuntime.trunk(legacy).outboundPort()).isEqualTo(5060);
    }

    @Test
    void aTrunkOverTlsWithoutTheTlsListenerIsRefusedAtStart() {
        var carrier = new TelephonyProperties.TrunkProperties("carrier", List.of("12345"), List.of(), null, null,
                "sbc.carrier.example.cn", 5061, null, SrtpPolicy.REQUIRED, false, "tls");
        assertThatThrownBy(() -> TelephonyRuntime.security(properties(null, null, List.of(carrier)),
                Path.of("/data/sip-tls"))).hasMessageContaining("hotline.sip.tls.enabled");
    }
}
