package dev.newsflow.syndicate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.RenderFixtures;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Fuzzing of the three feed renderers: {@code jqwik.tries.default} feed pages of hostile articles (10,000 in
 * {@code mvn verify}), each rendered as RSS, Atom and JSON Feed. Every document must be what a partner's parser takes:
 * strict UTF-8, and well-formed namespace-aware XML with one item per article (RSS leaves kills out; Atom has them
 * as tombstones) or valid JSON; rendering never throws.
 */
class FeedRenderingFuzzTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** One generated page, rendered in all three formats: what a partner's parser gets for each. */
    @Property
    void everyFormatIsWhatAPartnersParserTakes(@ForAll("articles") List<EnrichedArticle> articles) throws Exception {
        Document rss = parseXml(render(FeedFormat.RSS, articles));
        assertThat(rss.getElementsByTagName("item").getLength()).isEqualTo(visible(articles));

        Document atom = parseXml(render(FeedFormat.ATOM, articles));
        assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()
                + atom.getElementsByTagNameNS("http://purl.org/atompub/tombstones/1.0", "deleted-entry").getLength())
                .isEqualTo(articles.size());

        JsonNode json = JSON.readTree(strictUtf8(render(FeedFormat.JSON, articles)));
        assertThat(json.path("items").isArray()).isTrue();
    }

    @Provide
    Arbitrary<List<EnrichedArticle>> articles() {
        return HostileArticles.articles().list().ofMaxSize(3);
    }

    /** Kills are items in Atom (tombstones) and JSON Feed; RSS leaves them out. */
    private static int visible(List<EnrichedArticle> articles) {
        return (int) articles.stream().filter(a -> a.getAction() != dev.newsflow.schema.ArticleAction.KILL).count();
    }

    private static byte[] render(FeedFormat format, List<EnrichedArticle> articles) {
        FeedDocument document = RenderFixtures.document(articles.toArray(EnrichedArticle[]::new));
        return format.renderer().render(document);
    }

    private static String strictUtf8(byte[] bytes) throws Exception {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Document parseXml(byte[] bytes) throws Exception {
        strictUtf8(bytes);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
            }

            @Override
            public void error(SAXParseException exception) throws SAXParseException {
                throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXParseException {
                throw exception;
            }
        });
        return builder.parse(new ByteArrayInputStream(bytes));
    }
}
