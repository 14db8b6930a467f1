package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.SipSecurity;

/**
 * The key store SIP over TLS is started with: self-signed once and kept, from PEM files, or a PKCS#12 as it is; the
 * trust store for connections to trunks, and the check that a trunk's certificate names its host.
 */
class TlsKeysTest {
    @TempDir
    Path dir;

    /** The temporary stores this test made (in the system's temporary folder, where the engine deletes its own). */
    private final java.util.List<TlsKeys.Store> made = new java.util.ArrayList<>();

    private TlsKeys.Store made(TlsKeys.Store store) {
        if (store.temporary()) {
            made.add(store);
        }
        return store;
    }

    @org.junit.jupiter.api.AfterEach
    void deleteTheStoresMade() throws Exception {
        for (TlsKeys.Store s : made) {
            Files.deleteIfExists(s.file());
        }
    }

    @Test
    void aSelfSignedCertificateIsMadeOnceKeptPrivateAndReusedAtTheNextStart() throws Exception {
        SipSecurity.Tls tls = new SipSecurity.Tls(0, null, null, null, null, dir.resolve("sip-tls"), "192.0.2.10");
        TlsKeys.Store first = made(TlsKeys.prepare(tls));
        Path cert = dir.resolve("sip-tls").resolve(TlsKeys.GENERATED_CERT);
        Path key = dir.resolve("sip-tls").resolve(TlsKeys.GENERATED_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
        X509Certificate c = (X509Certificate) load(first).getCertificate("sip");
        assertThat(c.getSubjectX500Principal().getName()).contains("CN=192.0.2.10");
        assertThat(c.getSubjectAlternativeNames()).anyMatch(n -> n.get(1).equals("192.0.2.10"));
        byte[] pem = Files.readAllBytes(cert);
        TlsKeys.Store second = made(TlsKeys.prepare(tls));
        assertThat(Files.readAllBytes(cert)).as("kept, not made again").isEqualTo(pem);
        assertThat(load(second).getCertificate("sip")).isEqualTo(c);
    }

    @Test
    void pemFilesAndPkcs12AreUsedAndAnUnreadableKeySaysWhy() throws Exception {
        Path cert = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        TlsKeys.selfSigned("sip.example.gov.cn", cert, key);
        TlsKeys.Store fromPem = made(TlsKeys.prepare(new SipSecurity.Tls(0, cert, key, null, null, dir, "ignored")));
        assertThat(fromPem.temporary()).isTrue();
        KeyStore ks = load(fromPem);
        assertThat(ks.isKeyEntry("sip")).isTrue();
        assertThat(((X509Certificate) ks.getCertificate("sip")).getSubjectX500Principal().getName())
                .contains("sip.example.gov.cn");
        TlsKeys.Store asIs = TlsKeys.prepare(new SipSecurity.Tls(0, null, null, fromPem.file(), fromPem.password(),
                dir, "ignored"));
        assertThat(asIs.temporary()).as("a configured PKCS#12 is never deleted").isFalse();
        assertThat(asIs.file()).isEqualTo(fromPem.file());
        Files.copy(cert, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // a certificate where the key belongs
        assertThatThrownBy(() -> TlsKeys.prepare(new SipSecurity.Tls(0, cert, key, null, null, dir, "x")))
                .hasMessageContaining("key.pem");
    }

    @Test
    void theTrustStoreHoldsTheConfiguredCarrierCertificatesElseTheJdksCas() throws Exception {
        Path a = dir.resolve("a.crt");
        Path b = dir.resolve("b.crt");
        TlsKeys.selfSigned("sbc.carrier.example.cn", a, dir.resolve("a.key"));
        TlsKeys.selfSigned("203.0.113.10", b, dir.resolve("b.key"));
        Path bundle = dir.resolve("carriers.pem");
        Files.writeString(bundle, Files.readString(a) + Files.readString(b));
        TlsKeys.Store trusted = made(TlsTrust.prepare(bundle));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trusted.file()))).isEqualTo("rw-------");
        KeyStore ks = load(trusted);
        assertThat(java.util.Collections.list(ks.aliases())).containsExactlyInAnyOrder("trusted-0", "trusted-1");
        assertThat(ks.isCertificateEntry("trusted-0")).as("certificates only, no key").isTrue();
        assertThat(ks.getCertificate("trusted-1")).isEqualTo(TlsKeys.readChain(b).getFirst());
        assertThat(load(made(TlsTrust.prepare(null))).size()).as("the JDK's public CAs").isGreaterThan(50);
    }

    @Test
    void aCarriersCertificateMustNameTheHostItIsReachedAt() throws Exception {
        TlsKeys.selfSigned("sbc.carrier.example.cn", dir.resolve("dns.crt"), dir.resolve("dns.key"));
        X509Certificate dns = TlsKeys.readChain(dir.resolve("dns.crt")).getFirst();
        assertThat(PeerNames.names(dns, "sbc.carrier.example.cn")).isTrue();
        assertThat(PeerNames.names(dns, "SBC.Carrier.Example.cn")).isTrue();
        assertThat(PeerNames.names(dns, "other.carrier.example.cn")).isFalse();
        assertThat(PeerNames.names(dns, "203.0.113.10")).isFalse();
        TlsKeys.selfSigned("203.0.113.10", dir.resolve("ip.crt"), dir.resolve("ip.key"));
        X509Certificate ip = TlsKeys.readChain(dir.resolve("ip.crt")).getFirst();
        assertThat(PeerNames.names(ip, "203.0.113.10")).isTrue();
        assertThat(PeerNames.names(ip, "203.0.113.11")).isFalse();
        assertThat(PeerNames.names(ip, "sbc.carrier.example.cn")).isFalse();
        TlsKeys.selfSigned("*.carrier.example.cn", dir.resolve("wild.crt"), dir.resolve("wild.key"));
        X509Certificate wild = TlsKeys.readChain(dir.resolve("wild.crt")).getFirst();
        assertThat(PeerNames.names(wild, "sbc.carrier.example.cn")).isTrue();
        assertThat(PeerNames.names(wild, "a.sbc.carrier.example.cn")).as("one label only").isFalse();
        assertThat(PeerNames.names(wild, "carrier.example.cn")).isFalse();
    }

    private static KeyStore load(TlsKeys.Store store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store.file())) {
            ks.load(in, store.password().toCharArray());
        }
        return ks;
    }
}
