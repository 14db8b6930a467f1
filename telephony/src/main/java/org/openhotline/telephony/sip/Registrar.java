package org.openhotline.telephony.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.ListIterator;
import javax.sip.RequestEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.ExtensionDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts REGISTER from agent phones (RFC 3261 section 10) after a digest challenge. A wrong password gets
 * 403 so that a phone with a typo stops retrying; a missing or stale answer gets a fresh 401 challenge.
 */
final class Registrar {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    static final String PATH = "Path";
    private final SipEndpoint sip;
    private final DigestAuth digest;
    private final ExtensionDirectory directory;
    private final Registrations registrations;
    private final SignallingEvents events;
    private final Clock clock;
    private final int maxExpires;
    private final Lockouts lockouts;

    Registrar(SipEndpoint sip, DigestAuth digest, ExtensionDirectory directory, Registrations registrations,
              SignallingEvents events, Clock clock, int maxExpires) {
        this.sip = sip;
        this.digest = digest;
        this.directory = directory;
        this.registrations = registrations;
        this.events = events;
        this.clock = clock;
        this.maxExpires = maxExpires;
        this.lockouts = new Lockouts(clock, 10, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    void handle(RequestEvent event) throws Exception {
        Request req = event.getRequest();
        String source = ((gov.nist.javax.sip.message.SIPMessage) req).getRemoteAddress().getHostAddress();
        String extension = ((javax.sip.address.SipURI) ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress()
                .getURI()).getUser();
        String key = source + "|" + extension;
        if (lockouts.isLockedOut(key)) {
            sip.respond(event, Response.FORBIDDEN);
            return;
        }
        String password = extension == null ? null : directory.passwordOf(extension).orElse(null);
        AuthorizationHeader auth = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
        if (password == null) {
            lockouts.failed(key);
            sip.respond(event, Response.FORBIDDEN);
            return;
        }
        if (auth == null || !extension.equals(auth.getUsername())) {
            challenge(event, false);
            return;
        }
        switch (digest.verify(auth, req.getMethod(), password)) {
            case STALE -> challenge(event, true);
            case WRONG -> {
                log.info("REGISTER for {} from {} refused: wrong credentials", extension, source);
                lockouts.failed(key);
                sip.respond(event, Response.FORBIDDEN);
            }
            case OK -> {
                lockouts.succeeded(key);
                bind(event, extension);
            }
        }
    }

    void challenge(RequestEvent event, boolean stale) throws Exception {
        WWWAuthenticateHeader h = sip.headers.createWWWAuthenticateHeader("Digest");
        h.setRealm(digest.realm());
        h.setNonce(digest.nonce());
        h.setAlgorithm("MD5");
        h.setQop("auth");
        if (stale) h.setStale(true);
        sip.respond(event, Response.UNAUTHORIZED, h);
    }

    private void bind(RequestEvent event, String extension) throws Exception {
        Request req = event.getRequest();
        ExpiresHeader expiresHeader = req.getExpires();
        int expires = expiresHeader == null ? maxExpires : expiresHeader.getExpires();
        ContactHeader contact = null;
        ListIterator<?> it = req.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            contact = (ContactHeader) it.next();
            if (contact.getExpires() >= 0) expires = contact.getExpires();
        }
        if (contact == null || contact.getAddress().isWildcard()) {
            registrations.remove(extension);
            events.registration(extension, false);
            sip.respond(event, Response.OK);
            return;
        }
        expires = Math.min(expires, maxExpires);
        String transport = ((javax.sip.header.ViaHeader) req.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport();
        if (expires == 0) {
            registrations.remove(extension);
            events.registration(extension, false);
        } else {
            registrations.put(new Registrations.Binding(extension, contact.getAddress().getURI().toString(),
                    transport, clock.instant().plusSeconds(expires), path(req)));
            sip.rememberTlsPeer(req);
            events.registration(extension, true);
        }
        ContactHeader echoed = sip.headers.createContactHeader(contact.getAddress());
        echoed.setExpires(expires);
        String path = path(req);
        if (path == null) {
            sip.respond(event, Response.OK, echoed, sip.headers.createExpiresHeader(expires));
        } else {
            // RFC 3327 section 5.3: the registrar returns the Path it stored, so the phone can see the route
            sip.respond(event, Response.OK, echoed, sip.headers.createExpiresHeader(expires),
                    sip.headers.createHeader(PATH, path));
        }
        log.debug("extension {} registered at {} for {} s", extension, contact.getAddress(), expires);
    }

    /**
     * The REGISTER's Path header values (RFC 3327), comma-joined in the order received, or null: a proxy in front
     * (Kamailio's {@code add_path()}) asks that requests to the phone go through it, so the engine routes its
     * INVITEs to this phone by a Route set of these URIs, and any engine can reach the phone the same way.
     */
    static String path(Request req) {
        java.util.List<String> values = new java.util.ArrayList<>();
        ListIterator<?> it = req.getHeaders(PATH);
        while (it != null && it.hasNext()) {
            String value = ((javax.sip.header.Header) it.next()).toString();
            value = value.substring(value.indexOf(':') + 1).trim();
            if (!value.isEmpty()) values.add(value);
        }
        return values.isEmpty() ? null : String.join(",", values);
    }

    static String userOf(FromHeader from) {
        return from.getAddress().getURI() instanceof javax.sip.address.SipURI u ? u.getUser() : null;
    }
}
