package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Replaces of an attended transfer's Refer-To as phones write it (RFC 3891, %-escaped in the URI). */
class ReplacesTest {

    @Test
    void anEscapedReplacesNamesTheDialogWithBothTags() {
        Replaces r = Replaces.parse("8fJ4t2%2BaQ@10.0.0.7%3Bto-tag%3Din-1234%3Bfrom-tag%3Dabc");
        assertThat(r.callId()).as("'+' stays a plus, not a space").isEqualTo("8fJ4t2+aQ@10.0.0.7");
        assertThat(r.toTag()).isEqualTo("in-1234");
        assertThat(r.fromTag()).isEqualTo("abc");
    }

    @Test
    void anUnescapedOneAndOneWithoutTagsAreReadToo() {
        assertThat(Replaces.parse("abc@host;from-tag=x;to-tag=y")).isEqualTo(new Replaces("abc@host", "y", "x"));
        assertThat(Replaces.parse("abc@host")).isEqualTo(new Replaces("abc@host", null, null));
    }

    @Test
    void noCallIdIsNoReplaces() {
        assertThat(Replaces.parse(null)).isNull();
        assertThat(Replaces.parse("%3Bto-tag%3Dx")).isNull();
        assertThat(Replaces.unescape("a%2")).isEqualTo("a%2");
    }
}
