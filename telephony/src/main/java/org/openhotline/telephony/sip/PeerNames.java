package org.openhotline.telephony.sip;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.sip.address.SipURI;
import gov.nist.javax.sip.ClientTransactionExt;
import gov.nist.javax.sip.TlsSecurityPolicy;

/**
 * Checks that a TLS connection we opened reached the host we meant (RFC 5922): the certificate's subject alternative
 * names must hold the request's host, as a DNS name (a leading "*." standing for one label) or an IP address. The trust
 * store only says a CA vouches for the certificate; without this check any certificate from the same CA — any
 * public web site's, with the JDK's CAs — would be accepted for a carrier. JAIN-SIP calls it after each handshake it
 * starts, before the request leaves, and then drops the request without telling anyone; so the refused transaction is
 * remembered for the dialler, which fails the call at once instead of letting it ring out.
 */
public final class PeerNames implements TlsSecurityPolicy {
    private final java.util.Set<javax.sip.ClientTransaction> refused =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /** Whether {@code ct}'s request was kept from a peer whose certificate does not name the host it was sent to. */
    boolean refused(javax.sip.ClientTransaction ct) {
        return refused.contains(ct);
    }

    @Override
    public void enforceTlsPolicy(ClientTransactionExt ct) throws SecurityException {
        // an ACK for a 2xx has no transaction; it follows its INVITE over the connection that INVITE checked
        if (ct == null || !(ct.getRequest().getRequestURI() instanceof SipURI uri)) return;
        try {
            if (!(ct.getPeerCertificates()[0] instanceof X509Certificate cert) || !names(cert, uri.getHost())) {
                refused.add(ct);
                throw new SecurityException("the TLS certificate of " + uri.getHost() + " is not issued for it");
            }
        } catch (SSLPeerUnverifiedException e) {
            refused.add(ct);
            throw new SecurityException("no verified TLS certificate from " + uri.getHost(), e);
        }
    }

    static boolean names(X509Certificate cert, String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean ip = h.contains(":") || h.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        try {
            if (cert.getSubjectAlternativeNames() == null) return false;
            for (List<?> san : cert.getSubjectAlternativeNames()) {
                int type = (Integer) san.get(0);
                String value = String.valueOf(san.get(1));
                if (ip && type == 7 && sameAddress(value, h)) return true;
                if (!ip && type == 2 && dnsMatches(value, h)) return true;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // literals only: neither is a name, so nothing is looked up
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (!p.startsWith("*.")) return p.equals(h);
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(p.substring(1));
    }
}
