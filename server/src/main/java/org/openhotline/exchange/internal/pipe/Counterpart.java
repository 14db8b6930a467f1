package org.openhotline.exchange.internal.pipe;

/** A platform we exchange with; {@code secret} is the shared HMAC key of both directions. */
public record Counterpart(String code, String name, Kind kind, String baseUrl, String secret,
                          Signatures.Algorithm algorithm, boolean enabled) {

    public enum Kind {
        PROVINCE("省级12345平台"), CITY("市级12345平台"), POLICE_110("110联动平台"), EVALUATION("好差评/一体化平台");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
