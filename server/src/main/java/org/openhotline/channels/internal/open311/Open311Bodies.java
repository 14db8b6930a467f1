package org.openhotline.channels.internal.open311;

import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoReport v2 answers in both formats: JSON is the list of objects itself; XML wraps the list in a root element
 * with one element per object ({@code services/service}, {@code service_requests/request}, {@code errors/error}),
 * and nested lists (a service definition's attributes, discovery's endpoints) the same way.
 */
final class Open311Bodies {

    private Open311Bodies() {}

    static ResponseEntity<String> body(int status, String format, Object json, String root, String item, JsonMapper mapper) {
        if ("xml".equals(format)) {
            return ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(xml(json, root, item));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(json));
    }

    static String xml(Object value, String root, String item) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            write(w, root, value, item);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(XMLStreamWriter w, String name, Object value, String item) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof List<?> list) {
            for (Object o : list) {
                write(w, item, o, singular(item));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = e.getKey().toString();
                write(w, key, e.getValue(), singular(key));
            }
        } else if (value != null) {
            w.writeCharacters(value.toString());
        }
        w.writeEndElement();
    }

    /** attributes → attribute, endpoints → endpoint, formats → format, values → value. */
    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }
}
