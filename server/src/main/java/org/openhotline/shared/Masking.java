package org.openhotline.shared;

/**
 * Masks citizens' numbers for roles that do not need them (personal information protection, MLPS level 3):
 * a phone keeps its first 3 and last 4 digits, an ID card its first 6 and last 4.
 */
public final class Masking {

    private Masking() {}

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
