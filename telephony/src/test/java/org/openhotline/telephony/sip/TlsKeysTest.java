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

/** The key store SIP over TLS is started with: self-signed once and kept, from PEM files, or a PKCS#12 as it is. */
class TlsKeysTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedCertificateIsMadeOnceKeptPrivateAndReusedAtTheNextStart() throws Exception {
        SipSecurity.Tls tls = new SipSecurity.Tls(0, null, null, null, null, dir.resolve("sip-tls"), "192.0.2.10");
        TlsKeys.Store first = TlsKeys.prepare(tls);
        Path cert = dir.resolve("sip-tls").resolve(TlsKeys.GENERATED_CERT);
        Path key = dir.resolve("sip-tls").resolve(TlsKeys.GENERATED_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
        X509Certificate c = (X509Certificate) load(first).getCertificate("sip");
        assertThat(c.getSubjectX500Principal().getName()).contains("CN=192.0.2.10");
        assertThat(c.getSubjectAlternativeNames()).anyMatch(n -> n.get(1).equals("192.0.2.10"));
        byte[] pem = Files.readAllBytes(cert);
        TlsKeys.Store second = TlsKeys.prepare(tls);
        assertThat(Files.readAllBytes(cert)).as("kept, not made again").isEqualTo(pem);
        assertThat(load(second).getCertificate("sip")).isEqualTo(c);
    }

    @Test
    void pemFilesAndPkcs12AreUsedAndAnUnreadableKeySaysWhy() throws Exception {
        Path cert = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        TlsKeys.selfSigned("sip.example.gov.cn", cert, key);
        TlsKeys.Store fromPem = TlsKeys.prepare(new SipSecurity.Tls(0, cert, key, null, null, dir, "ignored"));
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

    private static KeyStore load(TlsKeys.Store store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store.file())) {
            ks.load(in, store.password().toCharArray());
        }
        return ks;
    }
}
