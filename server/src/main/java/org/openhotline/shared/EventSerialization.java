package org.openhotline.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an event is written into {@code event_publication.serialized_event} (ADR 004): JSON by the platform's
 * {@link JsonMapper}, the very mapper and so the very text Spring Modulith's own Jackson serializer produces (it
 * finds a publication again by comparing that text, ADR 041). Its serializer looked the mapper up in the bean
 * factory on every publication (issue 14: 4 % of a portal submit's CPU samples), and an event with two listeners
 * was written twice, once per publication. This one holds the mapper and writes an event once for all its
 * publications.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    EventSerializer eventSerializer(JsonMapper json) {
        return new JsonEvents(json);
    }

    static final class JsonEvents implements EventSerializer {

        /** The last event this thread wrote and its text: the registry stores its publications one after another. */
        private static final ThreadLocal<Written> LAST = new ThreadLocal<>();

        private record Written(Object event, String json) {}

        private final JsonMapper json;

        JsonEvents(JsonMapper json) {
            this.json = json;
        }

        @Override
        public Object serialize(Object event) {
            Written last = LAST.get();
            if (last != null && last.event() == event) { // events are immutable records: the same object, the same text
                return last.json();
            }
            String text = json.writeValueAsString(event);
            LAST.set(new Written(event, text));
            return text;
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return json.readerFor(type).readValue(serialized.toString());
        }
    }
}
