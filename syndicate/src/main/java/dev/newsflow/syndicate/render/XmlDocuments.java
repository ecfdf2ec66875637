package dev.newsflow.syndicate.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Serialises a JDOM document as UTF-8 without re-formatting text. */
final class XmlDocuments {
    private XmlDocuments() {
    }

    static byte[] utf8(Document document) {
        Format format = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            new XMLOutputter(format).output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
