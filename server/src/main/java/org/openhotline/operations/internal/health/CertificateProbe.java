package org.openhotline.operations.internal.health;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Days until each watched certificate expires: the HTTPS key store ({@code server.ssl.key-store}) and the PEM files
 * in {@code hotline.operations.certificate-files} (e.g. SIP over TLS). None configured: nothing to watch.
 */
@Component
class CertificateProbe implements Probe {

    static final String PART = "证书";
    private final String keyStore;
    private final String keyStorePassword;
    private final String keyStoreType;
    private final List<String> pemFiles;

    CertificateProbe(@Value("${server.ssl.key-store:}") String keyStore,
                     @Value("${server.ssl.key-store-password:}") String keyStorePassword,
                     @Value("${server.ssl.key-store-type:PKCS12}") String keyStoreType,
                     @Value("${hotline.operations.certificate-files:}") List<String> pemFiles) {
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.keyStoreType = keyStoreType;
        this.pemFiles = pemFiles.stream().filter(f -> !f.isBlank()).toList();
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public List<Measure> measure(Instant now) throws Exception {
        List<Measure> out = new ArrayList<>();
        if (!keyStore.isBlank()) {
            KeyStore store = KeyStore.getInstance(keyStoreType);
            try (InputStream in = new DefaultResourceLoader().getResource(keyStore).getInputStream()) {
                store.load(in, keyStorePassword.toCharArray());
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(days("HTTPS " + alias, c, now));
                }
            }
        }
        for (String file : pemFiles) {
            try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
                for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    out.add(days(Path.of(file.strip()).getFileName().toString(), (X509Certificate) c, now));
                    break; // the leaf; the chain's CA certificates outlive it
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Measure.unknown(PART, "cert.days", "", "证书有效期", "未配置证书（HTTPS 由前置代理终结时在代理上监控）"));
        }
        return out;
    }

    private static Measure days(String subject, X509Certificate c, Instant now) {
        long days = Duration.between(now, c.getNotAfter().toInstant()).toDays();
        return Measure.of(PART, "cert.days", subject, "证书剩余有效期 " + subject, days, "天",
                "到期：" + c.getNotAfter().toInstant() + "，主体：" + c.getSubjectX500Principal().getName());
    }
}
