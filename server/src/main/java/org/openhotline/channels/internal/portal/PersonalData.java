package org.openhotline.channels.internal.portal;

import java.util.regex.Pattern;

/**
 * Takes personal data out of a text before it is published (典型案例): mobile and landline numbers, ID card numbers,
 * e-mail addresses, the caller's name and house numbers after 号/栋/室. The editor reads the result before
 * publishing; this is the safety net that runs again on what the editor saves.
 */
final class PersonalData {

    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0[0-9]{2,3}-?)?[2-9][0-9]{6,7}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern HOUSE = Pattern.compile("[0-9一二三四五六七八九十]+(栋|幢|单元|室|号楼)[0-9]*(室|号)?");

    private PersonalData() {}

    static String scrub(String text, String callerName) {
        if (text == null) {
            return null;
        }
        String s = ID_CARD.matcher(text).replaceAll("[身份证号]");
        s = MOBILE.matcher(s).replaceAll("[电话]");
        s = LANDLINE.matcher(s).replaceAll("[电话]");
        s = EMAIL.matcher(s).replaceAll("[邮箱]");
        s = HOUSE.matcher(s).replaceAll("[门牌]");
        if (callerName != null && callerName.strip().length() >= 2) {
            s = s.replace(callerName.strip(), "市民");
        }
        return s;
    }
}
