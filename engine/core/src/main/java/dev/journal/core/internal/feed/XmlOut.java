package dev.journal.core.internal.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter}: every text and attribute value passes
 * through {@link XmlText#clean}, and elements are indented two spaces per level so that feeds and
 * sitemaps read well and diff well. Escaping is the stream writer's.
 */
final class XmlOut {

    /** The JDK's own implementation, whatever else is on the class path: output must not vary with it. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final StringWriter chars = new StringWriter(16 * 1024);
    private final XMLStreamWriter w;
    /** Per open element: whether it has child elements (then its end tag goes on its own line). */
    private final Deque<Boolean> open = new ArrayDeque<>();

    XmlOut() throws XMLStreamException {
        this.w = FACTORY.createXMLStreamWriter(chars);
        // written as characters, encoded once at the end: the declaration names the encoding used
        w.writeStartDocument("UTF-8", "1.0");
    }

    XMLStreamWriter writer() {
        return w;
    }

    /** Opens an element with no namespace prefix. */
    XmlOut start(String name) throws XMLStreamException {
        indent();
        w.writeStartElement(name);
        open.push(false);
        return this;
    }

    /** Opens a prefixed element, e.g. {@code atom:link}. */
    XmlOut start(String prefix, String name, String namespace) throws XMLStreamException {
        indent();
        w.writeStartElement(prefix, name, namespace);
        open.push(false);
        return this;
    }

    /** An element without content, {@code <name .../>}; its attributes follow. */
    XmlOut empty(String name) throws XMLStreamException {
        indent();
        w.writeEmptyElement(name);
        return this;
    }

    XmlOut empty(String prefix, String name, String namespace) throws XMLStreamException {
        indent();
        w.writeEmptyElement(prefix, name, namespace);
        return this;
    }

    XmlOut attribute(String name, String value) throws XMLStreamException {
        w.writeAttribute(name, XmlText.clean(value));
        return this;
    }

    XmlOut attribute(String prefix, String namespace, String name, String value) throws XMLStreamException {
        w.writeAttribute(prefix, namespace, name, XmlText.clean(value));
        return this;
    }

    XmlOut text(String text) throws XMLStreamException {
        w.writeCharacters(XmlText.clean(text));
        return this;
    }

    XmlOut end() throws XMLStreamException {
        boolean children = open.pop();
        if (children) {
            w.writeCharacters("\n" + "  ".repeat(open.size()));
        }
        w.writeEndElement();
        return this;
    }

    /** {@code <name>text</name>} */
    XmlOut element(String name, String text) throws XMLStreamException {
        return start(name).text(text).end();
    }

    XmlOut element(String prefix, String name, String namespace, String text) throws XMLStreamException {
        return start(prefix, name, namespace).text(text).end();
    }

    /** The document's bytes, UTF-8, ending with a line break. */
    byte[] finish() throws XMLStreamException {
        while (!open.isEmpty()) {
            end();
        }
        w.writeEndDocument();
        w.writeCharacters("\n");
        w.flush();
        w.close();
        return chars.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void indent() throws XMLStreamException {
        if (!open.isEmpty()) {
            open.pop();
            open.push(true);
        }
        w.writeCharacters("\n" + "  ".repeat(open.size()));
    }
}
