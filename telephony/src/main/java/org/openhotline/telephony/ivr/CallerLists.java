package org.openhotline.telephony.ivr;

/** The blacklist of malicious numbers and the priority list (repeat callers, the elderly). */
public interface CallerLists {
    boolean isBlacklisted(String number);

    boolean isPriority(String number);

    CallerLists NONE = new CallerLists() {
        @Override
        public boolean isBlacklisted(String number) {
            return false;
        }

        @Override
        public boolean isPriority(String number) {
            return false;
        }
    };
}
