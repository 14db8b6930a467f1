package org.openhotline.telephony.sip;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openhotline.telephony.SipSecurity;

/**
 * The TLS key store JAIN-SIP reads: the configured PKCS#12 as it is, or one made for this start from PEM files (the
 * certificate chain and a PKCS#8, PKCS#1 or SEC1 key, as certbot and openssl write them). Without either, a
 * self-signed RSA certificate for the advertised host is made with BouncyCastle and kept as PEM next to the
 * recordings, so that phones told to trust it keep trusting it after a restart.
 */
final class TlsKeys {
    static final String GENERATED_CERT = "sip-tls-selfsigned.crt";
    static final String GENERATED_KEY = "sip-tls-selfsigned.key";

    /** A key store file, its password and whether it is ours to delete once the stack has read it. */
    record Store(Path file, String password, boolean temporary) {
        @Override
        public String toString() {
            return "Store[" + file + "]";
        }
    }

    private TlsKeys() {
    }

    static Store prepare(SipSecurity.Tls tls) throws IOException, GeneralSecurityException {
        if (tls.pkcs12() != null) {
            return new Store(tls.pkcs12(), tls.pkcs12Password() == null ? "" : tls.pkcs12Password(), false);
        }
        Path cert = tls.certificate();
        Path key = tls.privateKey();
        if (cert == null || key == null) {
            Path dir = Files.createDirectories(tls.generatedDirectory());
            cert = dir.resolve(GENERATED_CERT);
            key = dir.resolve(GENERATED_KEY);
            if (!Files.exists(cert) || !Files.exists(key)) selfSigned(tls.hostName(), cert, key);
        }
        return pkcs12(readChain(cert), readKey(key));
    }

    static List<X509Certificate> readChain(Path pem) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        try (var in = Files.newInputStream(pem)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) c);
            }
        }
        if (chain.isEmpty()) throw new GeneralSecurityException("no certificate in " + pem);
        return chain;
    }

    static PrivateKey readKey(Path pem) throws IOException, GeneralSecurityException {
        try (Reader r = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(r)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) return converter.getPrivateKey(pair.getPrivateKeyInfo());
            if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
            throw new GeneralSecurityException("no unencrypted private key in " + pem
                    + " (encrypted keys: convert with openssl pkcs12 -export and configure the PKCS#12 instead)");
        }
    }

    private static Store pkcs12(List<X509Certificate> chain, PrivateKey key) throws IOException, GeneralSecurityException {
        return temporary((ks, password) -> ks.setKeyEntry("sip", key, password, chain.toArray(Certificate[]::new)));
    }

    /** What goes into a key store, given the password it will be stored with. */
    interface Entries {
        void put(KeyStore store, char[] password) throws GeneralSecurityException;
    }

    /** A PKCS#12 in a private temporary file with a random password, read once by the SIP stack and deleted. */
    static Store temporary(Entries entries) throws IOException, GeneralSecurityException {
        byte[] pw = new byte[18];
        new SecureRandom().nextBytes(pw);
        String password = HexFormat.of().formatHex(pw);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        entries.put(ks, password.toCharArray());
        Path file = Files.createTempFile("openhotline-sip-tls", ".p12",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return new Store(file, password, true);
    }

    /** RSA 2048, SHA-256, two years, the host as CN and subject alternative name (IP or DNS). */
    static void selfSigned(String host, Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        String name = host == null || host.isBlank() ? "localhost" : host;
        X500Name subject = new X500Name("CN=" + name + ",O=OpenHotline");
        Instant now = Instant.now();
        boolean ip = name.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName,
                            ip ? InetAddress.getByName(name).getHostAddress() : name)));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(certFile))) {
                w.writeObject(cert);
            }
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(keyFile))) {
                w.writeObject(pair.getPrivate());
            }
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
