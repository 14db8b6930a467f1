package org.openhotline.shared;

/**
 * A module's part of the demo city, seeded on first start when demo data is on. Seeds run in {@link #order()}
 * (organization before identity before the business modules) and each writes only when its tables are empty,
 * so a restart keeps what users changed.
 */
public interface DemoSeed {

    int order();

    /** Seeds and returns true if this module had nothing yet; the password is for demo accounts. */
    boolean seedIfEmpty(String demoPassword);
}
