package org.openhotline.telephony.ivr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The flows shipped with the engine: {@code default-12345} (blacklist, a short menu, order-progress
 * self-service; around the clock, because a 12345 line is staffed 7×24), {@code working-hours-12345} (the same
 * with voicemail outside working hours, for a number that is not staffed at night) and {@code direct-to-agent}
 * (GB/T 33358-2016 prefers intake without a forced menu). Numbers map to flow ids; the server replaces this with its database.
 */
public final class ClasspathFlows implements FlowRepository {
    private final Map<String, Flow> flows;
    private final Map<String, String> numbers;

    public ClasspathFlows(Map<String, String> flowIdByNumber) {
        this.flows = Map.of("default-12345", load("default-12345"), "working-hours-12345", load("working-hours-12345"),
                "direct-to-agent", load("direct-to-agent"));
        this.numbers = Map.copyOf(flowIdByNumber);
    }

    public static Flow load(String id) {
        try (InputStream in = ClasspathFlows.class.getResourceAsStream("/flows/" + id + ".json")) {
            if (in == null) throw new IllegalArgumentException("no shipped flow " + id);
            return FlowParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return Optional.ofNullable(flows.get(flowId));
    }

    @Override
    public Optional<Flow> forNumber(String calledNumber) {
        return Optional.ofNullable(numbers.get(calledNumber)).flatMap(this::find);
    }
}
