package org.openhotline.channels.internal.chat;

import org.openhotline.shared.crypto.PersonalData;

/**
 * A WeChat follower's openid is personal data (it names one citizen to the official account for good), so every
 * table seals it (ADR 041) and looks a follower up by this keyed index of the exact openid instead.
 */
public final class OpenIds {

    /** The kind of {@link PersonalData#idIndex} that openids are indexed as, in every table. */
    public static final String KIND = "wechat-openid";

    private OpenIds() {}

    public static byte[] index(String openid) {
        return PersonalData.idIndex(KIND, openid);
    }
}
