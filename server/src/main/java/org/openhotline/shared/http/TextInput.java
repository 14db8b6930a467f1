package org.openhotline.shared.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text read from JSON may not contain a NUL character: PostgreSQL cannot store one in a text column and refuses
 * the whole statement, which used to surface as a 500 long after the request was accepted. Refused here, while
 * reading, with the field's path, as a 400.
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

    @Bean
    JacksonModule textWithoutNul() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new TextDeserializer());
    }

    /** Thrown for a string with a NUL character; {@code InputProblems} words it. */
    static final class NulCharacter extends InvalidFormatException {
        NulCharacter(JsonParser p, String value) {
            super(p, "Text contains a NUL character", value, String.class);
        }
    }

    static final class TextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.indexOf('\0') >= 0) {
                throw new NulCharacter(p, text);
            }
            return text;
        }
    }
}
