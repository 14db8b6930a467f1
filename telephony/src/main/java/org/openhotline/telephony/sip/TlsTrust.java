package org.openhotline.telephony.sip;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom the engine trusts when it opens a TLS connection to a trunk. JAIN-SIP verifies a server's certificate against
 * one trust store and, left alone, takes our own key store for it — which trusts no carrier. So the stack gets a
 * PKCS#12 made for this start from the configured PEM file (the carrier's CA, or its self-signed certificate, several
 * certificates one after another), else from the JDK's public CAs. Phones connecting to us are not affected: they
 * present no certificate.
 */
final class TlsTrust {

    private TlsTrust() {
    }

    static TlsKeys.Store prepare(Path trustedCertificates) throws IOException, GeneralSecurityException {
        List<X509Certificate> trusted = trustedCertificates != null ? TlsKeys.readChain(trustedCertificates) : jdkCas();
        return TlsKeys.temporary((ks, password) -> {
            for (int i = 0; i < trusted.size(); i++) ks.setCertificateEntry("trusted-" + i, trusted.get(i));
        });
    }

    private static List<X509Certificate> jdkCas() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        for (var m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) return List.of(x.getAcceptedIssuers());
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
