package org.openhotline.telephony.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Replaces header (RFC 3891) as a phone puts it, %-escaped, in the Refer-To of an attended transfer:
 * {@code <call-id>;to-tag=…;from-tag=…}. It names one dialog; the phone writes the tags as the target sees them
 * (to-tag ours, from-tag its own), but phones are known to swap them, so a dialog matches with the tags either way.
 */
record Replaces(String callId, String toTag, String fromTag) {

    /** Null when there is no Replaces, or it names no Call-ID. */
    static Replaces parse(String escaped) {
        if (escaped == null) return null;
        String[] parts = unescape(escaped).split(";");
        String callId = parts[0].trim();
        if (callId.isEmpty()) return null;
        String to = null, from = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "to-tag=", 0, 7)) to = p.substring(7);
            else if (p.regionMatches(true, 0, "from-tag=", 0, 9)) from = p.substring(9);
        }
        return new Replaces(callId, to, from);
    }

    /** Whether {@code leg}'s dialog is the one named. */
    boolean names(SipLeg leg) {
        if (!callId.equals(leg.callId())) return false;
        String[] tags = leg.tags();
        String local = tags[0], remote = tags[1];
        return (matches(toTag, local) && matches(fromTag, remote)) || (matches(toTag, remote) && matches(fromTag, local));
    }

    private static boolean matches(String named, String actual) {
        return named == null || actual == null || named.equals(actual);
    }

    /** %XX decoding only: a Call-ID may hold '+', which form decoding would turn into a space. */
    static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
