package dev.newsflow.syndicate.fuzz;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Mention;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.Topic;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Enriched articles with hostile text in every field a feed shows: any code point (controls, unpaired surrogates,
 * non-characters, U+FFFE), markup, entities, CDATA ends, quotes, URLs that are not URLs. The syndicator renders what
 * is on {@code articles-enriched}, whoever wrote it there.
 */
final class HostileArticles {
    private static final List<String> PIECES = List.of("<", ">", "&", "&amp;", "&lt;script&gt;", "]]>", "<![CDATA[",
            "\"", "'", "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\u007F", "\u0085", "\uD800", "\uDFFF",
            "\uFFFE", "\uFFFF", "\uD83D\uDE00", "\u2028", "\u2029", "\uFEFF", "\u202E", "e\u0301", "<b>x</b>",
            "<script>alert(1)</script>", "--", "-->", "\r\n", "\t", " ", "https://example.org/a?b=1&c=2",
            "javascript:alert(1)", "urn:x:y", "%00", "%zz", "medtop:11000000");

    /** Characters that XML, JSON and URLs treat specially or forbid, for mixing into letters. */
    private static final char[] ALPHABET = {' ', '.', '<', '>', '&', '"', '\'', ']', '\u0000', '\u0001', '\u0008',
            '\u000B', '\u001F', '\u007F', '\u0085', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\u2028', '\uFEFF', '\u202E',
            '\u0301', '\u00E9', '\u4E2D', '\n', '\r', '\t', '%', '/', ':', '?', '#'};

    private HostileArticles() {
    }

    /**
     * One generator call per text (a list of parts joined costs several): letters mixed with the characters that
     * break XML and JSON, a piece from the list, any code points, or pieces around letters.
     */
    static Arbitrary<String> text() {
        Arbitrary<String> mixed = Arbitraries.strings().withCharRange('a', 'z').withChars(ALPHABET).ofMaxLength(24);
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        return Arbitraries.frequencyOf(
                Tuple.of(5, mixed),
                Tuple.of(2, piece),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)),
                Tuple.of(2, Combinators.combine(piece, mixed, piece).as((a, b, c) -> a + b + c)));
    }

    private static Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    static Arbitrary<EnrichedArticle> articles() {
        Arbitrary<Image> images = Builders.withBuilder(Image::newBuilder)
                .use(text()).in(Image.Builder::setCaption)
                .use(optionalText()).in(Image.Builder::setCreditline)
                .use(optionalText()).in(Image.Builder::setBy)
                .use(optionalText()).in(Image.Builder::setRawCredit)
                .use(optionalText()).in(Image.Builder::setUrl)
                .build(Image.Builder::build);
        Arbitrary<Mention> mentions = Builders.withBuilder(Mention::newBuilder)
                .use(text()).in(Mention.Builder::setField)
                .use(Arbitraries.integers()).in(Mention.Builder::setStart)
                .use(Arbitraries.integers()).in(Mention.Builder::setEnd)
                .use(text()).in(Mention.Builder::setText)
                .build(Mention.Builder::build);
        Arbitrary<Entity> entities = Builders.withBuilder(Entity::newBuilder)
                .use(text()).in(Entity.Builder::setName)
                .use(Arbitraries.of(EntityType.class)).in(Entity.Builder::setType)
                .use(optionalText()).in(Entity.Builder::setWikidataId)
                .use(Arbitraries.doubles()).in(Entity.Builder::setConfidence)
                .use(Arbitraries.doubles()).in(Entity.Builder::setSalience)
                .use(mentions.list().ofMaxSize(3)).in(Entity.Builder::setMentions)
                .build(Entity.Builder::build);
        Arbitrary<Topic> topics = Builders.withBuilder(Topic::newBuilder)
                .use(text()).in(Topic.Builder::setQcode)
                .use(text()).in(Topic.Builder::setLabel)
                .use(Arbitraries.integers().between(-1, 5)).in(Topic.Builder::setLevel)
                .use(text().list().ofMaxSize(3)).in(Topic.Builder::setParents)
                .use(Arbitraries.doubles()).in(Topic.Builder::setScore)
                .build(Topic.Builder::build);
        Arbitrary<Removal> removals = Builders.withBuilder(Removal::newBuilder)
                .use(text()).in(Removal.Builder::setKind)
                .use(text()).in(Removal.Builder::setText)
                .use(text()).in(Removal.Builder::setReason)
                .build(Removal.Builder::build);
        Arbitrary<Instant> instants = Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_000L)
                .map(Instant::ofEpochMilli);
        return Builders.withBuilder(EnrichedArticle::newBuilder)
                .use(text()).in(EnrichedArticle.Builder::setArticleId)
                .use(text()).in(EnrichedArticle.Builder::setPublisherId)
                .use(Arbitraries.integers()).in(EnrichedArticle.Builder::setVersion)
                .use(Arbitraries.of(ArticleAction.class)).in(EnrichedArticle.Builder::setAction)
                .use(Arbitraries.of(SourceFormat.class)).in(EnrichedArticle.Builder::setSourceFormat)
                .use(instants).in(EnrichedArticle.Builder::setReceivedAt)
                .use(instants).in(EnrichedArticle.Builder::setEnrichedAt)
                .use(instants.injectNull(0.3)).in(EnrichedArticle.Builder::setPublishedAt)
                .use(instants.injectNull(0.7)).in(EnrichedArticle.Builder::setEmbargoUntil)
                .use(optionalText()).in(EnrichedArticle.Builder::setGuid)
                .use(optionalText()).in(EnrichedArticle.Builder::setCanonicalUrl)
                .use(optionalText()).in(EnrichedArticle.Builder::setLanguage)
                .use(optionalText()).in(EnrichedArticle.Builder::setSection)
                .use(optionalText()).in(EnrichedArticle.Builder::setCategory)
                .use(text()).in(EnrichedArticle.Builder::setHeadline)
                .use(optionalText()).in(EnrichedArticle.Builder::setByline)
                .use(text().list().ofMaxSize(4)).in(EnrichedArticle.Builder::setBody)
                .use(images.list().ofMaxSize(3)).in(EnrichedArticle.Builder::setImages)
                .use(entities.list().ofMaxSize(3)).in(EnrichedArticle.Builder::setEntities)
                .use(topics.list().ofMaxSize(3)).in(EnrichedArticle.Builder::setTopics)
                .use(removals.list().ofMaxSize(2).map(r -> CleanupReport.newBuilder().setRemovals(r).build()))
                .in(EnrichedArticle.Builder::setCleanup)
                .use(text().list().ofMaxSize(3)).in(EnrichedArticle.Builder::setKeywords)
                .use(text()).in(EnrichedArticle.Builder::setContentHash)
                .build(EnrichedArticle.Builder::build);
    }
}
