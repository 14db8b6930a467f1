package org.openhotline.telephony;

import java.nio.file.Path;
import java.util.Map;

/**
 * Encrypted signalling and media. With {@code tls} set the engine also listens for SIP over TLS (RFC 3261 section
 * 26, {@code sips:} and {@code transport=tls}); {@code phones} is the SRTP policy for the agents' extensions and
 * {@code trunks} the policy per trunk name (a trunk not named gets {@link #defaultTrunks}).
 */
public record SipSecurity(Tls tls, SrtpPolicy phones, Map<String, SrtpPolicy> trunks, SrtpPolicy defaultTrunks) {

    /** No TLS listener; SRTP when a peer offers it over TLS (which it cannot then): today's plain behaviour. */
    public static final SipSecurity NONE = new SipSecurity(null, SrtpPolicy.OPTIONAL, Map.of(), SrtpPolicy.OPTIONAL);

    public SipSecurity {
        trunks = trunks == null ? Map.of() : Map.copyOf(trunks);
        phones = phones == null ? SrtpPolicy.OPTIONAL : phones;
        defaultTrunks = defaultTrunks == null ? SrtpPolicy.OPTIONAL : defaultTrunks;
    }

    /** The policy for a call admitted as {@code admittedAs}: a trunk's name, or "extension" for the agents' phones. */
    public SrtpPolicy policyFor(String admittedAs) {
        if ("extension".equals(admittedAs)) return phones;
        return trunks.getOrDefault(admittedAs, defaultTrunks);
    }

    /**
     * Where SIP over TLS listens and with which certificate: a PKCS#12 file ({@code pkcs12}, {@code pkcs12Password}),
     * or PEM files ({@code certificate} with the chain, {@code privateKey}); with neither, a self-signed certificate
     * for {@code hostName} is made once and kept in {@code generatedDirectory} (demo and tests; phones must be told to
     * trust it). {@code trustedCertificates} (PEM, one or more certificates) is what the engine trusts when it opens a
     * TLS connection to a trunk: the carrier's CA or its own certificate; without it the JDK's public CAs.
     */
    public record Tls(int port, Path certificate, Path privateKey, Path pkcs12, String pkcs12Password,
                      Path generatedDirectory, String hostName, Path trustedCertificates) {

        public Tls(int port, Path certificate, Path privateKey, Path pkcs12, String pkcs12Password,
                   Path generatedDirectory, String hostName) {
            this(port, certificate, privateKey, pkcs12, pkcs12Password, generatedDirectory, hostName, null);
        }

        @Override
        public String toString() {
            return "Tls[port=" + port + ", certificate=" + certificate + ", pkcs12=" + pkcs12 + ", trusted="
                    + trustedCertificates + "]";
        }
    }
}
