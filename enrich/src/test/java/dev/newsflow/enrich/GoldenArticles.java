package dev.newsflow.enrich;

import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SubmittedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs of {@link GoldenEnrichmentTest}: the seed-shaped fixtures and articles generated from
 * a fixed seed that put every clean-up rule and the annotators to work (captions printed twice, in
 * the body, with every credit form; chrome; repeated paragraphs; odd whitespace and Unicode; news
 * text naming people, places and organisations). The same seed always gives the same articles.
 */
final class GoldenArticles {
    static final int GENERATED = 60;
    private static final long SEED = 20_260_303L;

    private static final List<String> CREDITS = List.of(
            "Photo: EPA / Ludovic Marin", "Ludovic Marin/AFP", "AFP/Ludovic Marin", "AP Photo/Evan Vucci",
            "Photo by Jane Doe for The Guardian", "Jane Doe/AFP via Getty Images", "Getty Images",
            "Ludovic Marin, AFP", "(AP Photo/Evan Vucci)", "\u00A9 Reuters", "Photograph: Jane Doe/Reuters",
            "Courtesy of NASA", "REUTERS/Jane Doe/File Photo", "Jane Doe (Reuters)", "Photo by Reuters",
            "AFP PHOTO / LUDOVIC MARIN", "Credit: Handout", "Picture: Pa Ngoc", "Photo: EPA-EFE/Marta Fonseca",
            "Photos: Kremlin Pool", "Photo courtesy of the Ministry of Defence", "(c) Jane Doe", "Image: Shutterstock",
            "Photo: \uFF25\uFF30\uFF21 / \uFF2D\uFF41\uFF52\uFF54\uFF41 Fonseca", "Photo: Jean-Luc de la Tour / Sipa USA", "", "   ");

    private static final List<String> CHROME = List.of(
            "shareprint", "Share Tweet Email", "Advertisement", "READ MORE", "Read more: Tagus treaty explained",
            "Editor in chief \u2014 Joana Prata. Terms of use. Privacy policy.",
            "\u00A9 2026 The Daily Example. All rights reserved.", "Sign up for our morning newsletter.",
            "***", "\u2014", "Follow us on Telegram.", "Have a tip? Contact the reporter at tips@example.com.",
            "Story continues below advertisement", "Copy link", "Privacy policy. Terms of use. Cookie settings.");

    private static final List<String> NEWS = List.of(
            "Kyiv\u2019s Western partners agreed a joint statement on Tuesday promising \u201Cdurable security "
                    + "guarantees\u201D to Ukraine once a ceasefire with Russia takes hold.",
            "French President Emmanuel Macron, who chaired the meeting in Paris, said the guarantees would make "
                    + "sure that a peace deal could never become a Ukrainian capitulation.",
            "UK Prime Minister Keir Starmer said British and French forces would operate military hubs across "
                    + "Ukraine, and Volodymyr Zelensky thanked Washington.",
            "Vladimir Putin has said that any Western troops sent to Ukraine would be a legitimate target for the "
                    + "Russian army, the Kremlin said on Wednesday.",
            "US envoys Steve Witkoff and Jared Kushner attended the meeting but the US did not sign the statement, "
                    + "POLITICO reported.",
            "The European Central Bank kept interest rates unchanged on Thursday, and Christine Lagarde said "
                    + "inflation in the euro area was close to target.",
            "Shares in Tokyo and Hong Kong fell after the Federal Reserve signalled fewer rate cuts, while oil "
                    + "prices rose above $80 a barrel.",
            "Floods in Bangladesh and eastern India have displaced more than 200,000 people, the United Nations "
                    + "said, as monsoon rains continued.",
            "Real Madrid beat Bayern Munich 2-1 in the Champions League semi-final, with Vin\u00EDcius J\u00FAnior "
                    + "scoring the winner in Madrid.",
            "NASA said its Artemis crew would fly around the Moon next year after engineers in Houston finished "
                    + "testing the heat shield.",
            "Police in Marseille arrested three men after a shooting near the Vieux-Port, prosecutors said.",
            "The World Health Organization warned that measles cases in Europe had doubled, urging parents to "
                    + "vaccinate their children.",
            "Apple and Microsoft reported record profits, and Satya Nadella said demand for cloud computing "
                    + "had never been higher.",
            "Angela Merkel\u2019s former chief of staff said Germany should spend more on defence, speaking in Berlin.",
            "In Nairobi, thousands marched against a finance bill that would raise taxes on bread and fuel.",
            "\u201CWe will not accept a frozen conflict,\u201D Zelensky told reporters in Kyiv, adding that "
                    + "talks with Moscow remained stalled.",
            "The \uFB01nal report of the inquiry, published on Monday, found that the ministry ignored warnings.",
            "Ukraine\u02BCs parliament approved the budget; \u0412\u0435\u0440\u0445\u043E\u0432\u043D\u0430 "
                    + "\u0420\u0430\u0434\u0430 met in Kyiv.",
            "\uD835\uDC13\uD835\uDC21\uD835\uDC1E mathematical bold headline text appeared in a scraped page "
                    + "about Greece and Turkey.",
            "Ukraine.",
            "Mr. Smith, the CEO of Acme Corp., said the company would open a plant in S\u00E3o Paulo.",
            "The International Monetary Fund cut its growth forecast for China and the United States.");

    private static final List<String> CAPTIONS = List.of(
            "Ukraine\u2019s President Volodymyr Zelensky, France\u2019s President Emmanuel Macron and Britain\u2019s "
                    + "Prime Minister Keir Starmer pose for photographers at the \u00C9lys\u00E9e Palace in Paris, "
                    + "France, 6 January 2026.",
            "Portugal\u2019s Prime Minister Helena Duarte and Spain\u2019s President Tomas Ibarra shake hands after "
                    + "signing a water-sharing treaty in Lisbon, Portugal, 3 March 2026.",
            "Rescue workers search the rubble of a residential building after a missile strike in Kharkiv, "
                    + "Ukraine, 12 February 2026.",
            "Christine Lagarde, President of the European Central Bank, speaks during a news conference in "
                    + "Frankfurt, Germany, 5 March 2026.",
            "Supporters of Real Madrid celebrate in Madrid.");

    private GoldenArticles() {
    }

    /** The fixed fixtures first, then the generated ones. */
    static List<ArticleSubmitted> all() {
        List<ArticleSubmitted> articles = new ArrayList<>();
        articles.add(Articles.seedShaped("golden-seed", 1));
        articles.add(rawSeed());
        articles.add(Articles.builder("golden-plain", 1).build());
        List<String> creditFirst = new ArrayList<>(List.of(Articles.CREDIT));
        creditFirst.addAll(Articles.BODY);
        articles.add(Articles.builder("golden-credit-first", 1).setBody(creditFirst).build());
        articles.addAll(topicSetArticles());
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < GENERATED; i++) {
            articles.add(generated(random, i));
        }
        return articles;
    }

    /** The seed as a scraper delivers it without image blocks: captions and credit inside the body. */
    private static ArticleSubmitted rawSeed() {
        List<String> body = new ArrayList<>();
        body.add(Articles.CAPTION + " " + Articles.CREDIT);
        body.add(Articles.CAPTION);
        body.add(Articles.CREDIT);
        body.addAll(Articles.BODY);
        body.add("Environmental groups welcomed the treaty but said the minimum flows were still too low to "
                + "protect the estuary, REUTERS reported.\u201D.shareprint");
        body.add(Articles.FOOTER);
        return Articles.builder("golden-raw-seed", 1).setBody(body).setByline("Joana Prata").build();
    }

    private static List<ArticleSubmitted> topicSetArticles() {
        List<ArticleSubmitted> articles = new ArrayList<>();
        int index = 0;
        for (String line : resourceLines("/annotate/topic-set.tsv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            if (index++ % 4 != 0) {
                continue;
            }
            articles.add(Articles.builder("golden-topic-" + columns[0], 1)
                    .setHeadline(columns[2])
                    .setBody(new ArrayList<>(List.of(columns[3].split("(?<=\\.) "))))
                    .build());
        }
        return articles;
    }

    private static ArticleSubmitted generated(SplittableRandom random, int index) {
        String headline = pick(random, NEWS);
        headline = headline.substring(0, Math.min(headline.length(), 40 + random.nextInt(40))).trim();
        if (random.nextInt(4) == 0) {
            headline = titleCase(headline);
        }
        String byline = random.nextInt(3) == 0 ? null : pick(random, List.of("Jane Doe", "By Jane Doe",
                "Joana Prata", "Marta  Fonseca\u00A0"));
        List<SubmittedImage> images = new ArrayList<>();
        List<String> body = new ArrayList<>();
        int captions = random.nextInt(3);
        for (int c = 0; c < captions; c++) {
            String caption = pick(random, CAPTIONS);
            String credit = pick(random, CREDITS);
            int copies = 1 + random.nextInt(3);
            for (int copy = 0; copy < copies; copy++) {
                String printed = variant(random, caption);
                String printedCredit = copy == 0 ? credit : pick(random, List.of(credit, pick(random, CREDITS), ""));
                switch (random.nextInt(4)) {
                    case 0 -> body.add(printed + " " + printedCredit);
                    case 1 -> {
                        body.add(printed);
                        body.add(printedCredit);
                    }
                    case 2 -> images.add(Articles.image(printed + " " + printedCredit, ""));
                    default -> images.add(Articles.image(printed, printedCredit));
                }
            }
        }
        int paragraphs = 3 + random.nextInt(10);
        for (int p = 0; p < paragraphs; p++) {
            body.add(paragraph(random, headline, byline, body));
        }
        if (random.nextBoolean()) {
            body.add(pick(random, CHROME));
        }
        if (random.nextInt(3) == 0) {
            body.add(pick(random, CHROME));
        }
        return Articles.builder("golden-gen-" + index, 1 + random.nextInt(3))
                .setHeadline(headline)
                .setByline(byline)
                .setImages(images)
                .setBody(body)
                .build();
    }

    private static String paragraph(SplittableRandom random, String headline, String byline, List<String> body) {
        return switch (random.nextInt(14)) {
            case 0 -> body.isEmpty() ? pick(random, NEWS) : variant(random, body.get(random.nextInt(body.size())));
            case 1 -> pick(random, CHROME);
            case 2 -> random.nextBoolean() ? headline : headline.toUpperCase(java.util.Locale.ROOT) + ".";
            case 3 -> byline == null ? "" : "By " + byline;
            case 4 -> pick(random, List.of("", "  ", "\u200B", "\t\n"));
            case 5 -> pick(random, NEWS) + pick(random, List.of(" shareprint", "\u201D.shareprint", ".sharetweetemail"));
            case 6 -> pick(random, CAPTIONS) + " " + pick(random, CREDITS);
            default -> {
                StringBuilder text = new StringBuilder(pick(random, NEWS));
                int more = random.nextInt(4);
                for (int s = 0; s < more; s++) {
                    text.append(random.nextInt(5) == 0 ? "\u00A0 " : " ").append(pick(random, NEWS));
                }
                yield text.toString();
            }
        };
    }

    /** The same words as scrapers vary them: spacing, case, quote style, dates reordered, a word added. */
    private static String variant(SplittableRandom random, String text) {
        return switch (random.nextInt(7)) {
            case 0 -> "  " + text.replace(" ", "  ") + "\n";
            case 1 -> text.replace("\u2019", "'");
            case 2 -> text.toLowerCase(java.util.Locale.ROOT);
            case 3 -> text.replace("6 January 2026", "January 6, 2026").replace("3 March 2026", "March 3, 2026");
            case 4 -> text.replace(" after ", " warmly after ");
            default -> text;
        };
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static List<String> resourceLines(String resource) {
        try (InputStream in = GoldenArticles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
