package dev.newsflow.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises site chrome that a scraper delivers as paragraphs: share/print widgets
 * ("shareprint", "Share Tweet Email"), footers ("Editor in chief — … Terms of use. Privacy
 * policy.", "Terms of use | Privacy policy"), advertising and newsletter prompts. A paragraph is
 * chrome only when every sentence (or " | "-separated link) in it is, so a news paragraph that
 * mentions a privacy policy stays. The one list of chrome newsflow has: ingest uses it to find the
 * article in a page or a scraper's text, enrich to clean what was submitted (and report why).
 */
public final class ChromeFilter {
    /** Widget words that scrapers glue together ("shareprint", "sharetweetemail"). */
    private static final Set<String> WIDGET_WORDS = Set.of(
            "share", "shares", "print", "email", "mail", "e", "tweet", "facebook", "twitter", "x", "whatsapp",
            "telegram", "linkedin", "reddit", "pinterest", "messenger", "copy", "link", "url", "save", "bookmark",
            "comment", "comments", "like", "follow", "subscribe", "more", "close", "menu", "search", "listen",
            "gift", "article", "this", "on", "via", "sms", "vk", "viber", "threads", "bluesky", "mastodon");

    /** Whole paragraphs (in comparable form) that are navigation or advertising. */
    private static final Set<String> STOCK_LINES = Set.of(
            "advertisement", "advert", "ad", "sponsored", "sponsored content", "read more", "read also",
            "see also", "related", "related articles", "related stories", "related content", "more on this story",
            "more from this author", "most read", "most popular", "trending", "back to top", "top",
            "skip to content", "skip to main content", "skip advertisement", "continue reading",
            "story continues below advertisement", "article continues below", "continue reading below",
            "listen to this article", "cookie settings", "manage cookies", "accept cookies", "loading",
            "show comments", "hide comments", "view comments", "leave a comment", "newsletter",
            "sign up", "sign in", "log in", "register", "subscribe now", "support us", "donate", "kontakt",
            "datenschutz");

    private static final List<Rule> SENTENCE_RULES = List.of(
            new Rule("masthead credit", Pattern.compile(
                    "^(?:editor[- ]in[- ]chief|chief editor|editor|managing editor|publisher|founder|editorial "
                            + "board|executive editor)\\s*[\u2014\u2013:\\-,]\\s*(?:\\p{Lu}[\\p{L}'\u2019.-]*\\s?){1,5}\\.?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("legal footer", Pattern.compile(
                    "^(?:terms (?:of|and) (?:use|service|conditions)|privacy(?: policy| notice| statement| "
                            + "settings)?|cookie (?:policy|notice|settings|preferences)|cookies|"
                            + "all rights reserved|imprint|impressum|accessibility(?: statement)?|"
                            + "sitemap|site map|contact(?: us)?|about(?: us)?|advertise(?: with us)?|careers|"
                            + "rss(?: feeds?)?|corrections policy|editorial (?:policy|standards)|"
                            + "do not sell(?: or share)? my personal information)\\.?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("copyright notice", Pattern.compile(
                    "^(?:©|\\(c\\)|copyright\\b)[^.]{0,120}\\.?$", Pattern.CASE_INSENSITIVE)),
            new Rule("reproduction notice", Pattern.compile(
                    "^(?:any |the )?(?:reproductions?|use|copying|republication)\\b[^.]{0,80}"
                            + "(?:prohibited|without (?:prior )?(?:written )?permission|is forbidden)[^.]{0,60}\\.?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("social prompt", Pattern.compile(
                    "^(?:follow|like|find) us on\\b[^.]{0,80}\\.?$", Pattern.CASE_INSENSITIVE)),
            new Rule("newsletter prompt", Pattern.compile(
                    "^(?:sign up|subscribe)\\b[^.]{0,100}(?:newsletter|updates|inbox|briefing|digest)[^.]{0,60}[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("cross-link", Pattern.compile(
                    "^(?:read more|read also|see also|related|more|also read|watch|listen)\\s*:[^.]{0,160}$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("tip line", Pattern.compile(
                    "^(?:have a (?:news )?tip|got a tip|contact the (?:author|reporter)|send us (?:a |an |your )?"
                            + "(?:story|tip|news|feedback|letter|comment|photo|message)|email us|submit (?:your|a) "
                            + "(?:letter|story|tip|photo))\\b(?:[^.]|\\.(?=\\S)){0,160}[.?!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("subscription prompt", Pattern.compile(
                    "^(?:already (?:a )?(?:subscriber|member)\\b[^.]{0,120}|(?:to (?:view|read|continue|access)|"
                            + "subscribe|sign in|log in|register|become a (?:member|subscriber)|instant access|"
                            + "first-time subscribers)\\b[^.]{0,160}(?:subscri\\w*|full (?:story|article)|premium|"
                            + "members?|log ?in|sign in|edition|article pdf)[^.]{0,80})[.!?]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("app prompt", Pattern.compile(
                    "^(?:for the latest [^.]{0,80}?)?(?:download|get|install) (?:the|our)\\b[^.]{0,60}\\bapps?\\b"
                            + "[^.]{0,60}[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("follow prompt", Pattern.compile(
                    "^(?:follow|keep up with|you can (?:follow|keep up with|find))\\b[^.]{0,80}\\bon (?:twitter|"
                            + "facebook|instagram|x|linkedin|tiktok|youtube|threads|bluesky|mastodon|telegram)\\b"
                            + "[^.]{0,120}[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("newsletter invitation", Pattern.compile(
                    "^(?:(?:join|receive|get|sign up for|subscribe to)\\b[^.]{0,80}\\bnewsletters?\\b[^.]{0,80}|"
                            + "never miss\\b[^.]{0,120}(?:sign|subscri)\\w*[^.]{0,80})[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("donation prompt", Pattern.compile(
                    "^(?:we (?:rely|depend) on (?:your|readers)|support (?:our|independent|local) journalism|please "
                            + "(?:support|donate|consider (?:supporting|donating|subscribing))|become a (?:supporter|"
                            + "patron))\\b[^.]{0,160}[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("feedback prompt", Pattern.compile(
                    "^we(?:'d| would)? (?:want|like|love) to hear\\b[^.]{0,120}[.!?]?$", Pattern.CASE_INSENSITIVE)),
            new Rule("affiliate disclosure", Pattern.compile(
                    "^(?:this (?:post|article|page|story) (?:contains|may contain|includes)\\b[^.]{0,40}(?:affiliate|"
                            + "references to products|sponsored|paid)|we (?:may )?(?:earn|receive) (?:a )?(?:commission|"
                            + "compensation))[^.]{0,160}[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("licence notice", Pattern.compile(
                    "^unless otherwise (?:stated|noted)\\b(?:[^.]|\\.(?=\\S)){0,160}licen[cs]\\w*(?:[^.]|\\.(?=\\S)){0,120}"
                            + "[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("comment login", Pattern.compile(
                    "^(?:you must be (?:logged in|signed in|a (?:member|subscriber)) to (?:post a )?comment|sie "
                            + "m(?:ü|ue)ssen angemeldet sein)\\b[^.]{0,80}[.!]?$",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("scroll prompt", Pattern.compile(
                    "^scroll (?:down )?to (?:read|see|continue)\\b[^.]{0,100}$", Pattern.CASE_INSENSITIVE)),
            new Rule("metadata label", Pattern.compile(
                    "^(?:release date|category|categories|filed under|posted in)\\s*:\\s*[^.]{0,80}$",
                    Pattern.CASE_INSENSITIVE)));

    /** The words the rules above begin with, each followed there by a space or punctuation. */
    private static final Set<String> FOOTER_FIRST_WORDS = Set.of(
            "editor", "chief", "managing", "publisher", "founder", "editorial", "executive",
            "terms", "privacy", "cookie", "cookies", "all", "imprint", "impressum", "accessibility", "sitemap",
            "site", "contact", "about", "advertise", "careers", "rss", "corrections", "do",
            "copyright", "any", "the", "follow", "like", "find", "sign", "subscribe",
            "read", "see", "related", "more", "also", "watch", "listen", "have", "got",
            "reproduction", "reproductions", "use", "copying", "republication",
            "send", "submit", "to", "already", "become", "instant", "first", "download", "get", "install", "for",
            "keep", "you", "join", "receive", "never", "we", "support", "please", "this", "unless", "sie", "scroll",
            "release", "category", "categories", "filed", "posted", "log", "register", "email");

    /**
     * For each of {@link #FOOTER_FIRST_WORDS}, the rules that a sentence beginning with it may match, found by
     * the expressions themselves: reading the word alone, a rule that cannot match any text beginning with it
     * fails without reaching its end ({@link java.util.regex.Matcher#hitEnd}), so skipping that rule changes no
     * verdict.
     */
    private static final Map<String, List<Rule>> RULES_BY_FIRST_WORD = rulesByFirstWord();

    /** Longer than this, a paragraph is prose even if its sentences look like a footer. */
    private static final int MAX_FOOTER_CHARS = 400;
    private static final int MAX_WIDGET_CHARS = 80;
    /** No footer sentence is this long; a longer one is prose, which settles the paragraph. */
    private static final int MAX_CHROME_SENTENCE_CHARS = 200;

    private record Rule(String name, Pattern pattern) {
    }

    /** Why the paragraph is chrome, or empty when it is content. */
    public Optional<String> classify(String paragraph) {
        return classifyTidy(TextNormalizer.tidy(paragraph));
    }

    /** {@link #classify} for text that is already {@link TextNormalizer#tidy}. */
    public Optional<String> classifyTidy(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() <= MAX_WIDGET_CHARS) {
            String comparable = TextNormalizer.comparable(text);
            if (comparable.isEmpty()) {
                return text.length() <= 3 ? Optional.of("separator line without words") : Optional.empty();
            }
            if (STOCK_LINES.contains(comparable)) {
                return Optional.of("navigation or advertising line \"" + text + "\"");
            }
            if (isWidgetText(comparable)) {
                return Optional.of("share/print widget text \"" + text + "\"");
            }
        }
        if (text.length() > MAX_FOOTER_CHARS) {
            return Optional.empty();
        }
        // Sentence by sentence (split after . ! ? when a space and a capital, digit, "(" or "©"
        // follow), stopping at the first that is not chrome: in a news paragraph that is the first
        // one, so the rest is never cut out or matched.
        List<String> reasons = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = sentenceEnd(text, start);
            String rule = end - start > MAX_CHROME_SENTENCE_CHARS ? null
                    : sentenceRule(footerRulesFor(text, start, end), text, start, end);
            if (rule == null) {
                return Optional.empty();
            }
            if (!reasons.contains(rule)) {
                reasons.add(rule);
            }
            if (end == text.length()) {
                break;
            }
            start = end;
            while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '|')) {
                start++;
            }
            if (start == text.length()) {
                break;
            }
        }
        return Optional.of("site footer (" + String.join(", ", reasons) + ")");
    }

    /**
     * Where the sentence starting at {@code start} ends (exclusive: after its . ! or ?, when a space
     * and a capital, digit, "(" or "©" follow; or before a " | "), or the text's length; the next
     * sentence starts after the spaces and bars that follow.
     */
    private static int sentenceEnd(String text, int start) {
        for (int i = start; i < text.length() - 2; i++) {
            char c = text.charAt(i);
            if (c == ' ' && text.charAt(i + 1) == '|' && text.charAt(i + 2) == ' ' && i > start) {
                return i; // footer links side by side: "Terms of use | Privacy policy"
            }
            if ((c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ') {
                char next = text.charAt(i + 2);
                if (Character.isUpperCase(next) || Character.isDigit(next) || next == '(' || next == '\u00A9') {
                    return i + 1;
                }
            }
        }
        return text.length();
    }

    /**
     * The rules a sentence may match, in their order: each of {@link #SENTENCE_RULES} begins with one of a few
     * words (case ignored, as the rules ignore ASCII case), or with "©" or "(c)". A sentence that begins with any
     * other ASCII word is settled without running the expressions; one that begins with a listed word runs only
     * the rules that can begin with it ({@link #RULES_BY_FIRST_WORD}): news sentences often open with "The" or
     * "We", which begin one or two rules, not all of them.
     */
    private static List<Rule> footerRulesFor(String text, int start, int end) {
        int wordEnd = start;
        while (wordEnd < end && isAsciiLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        if (wordEnd == start) {
            return SENTENCE_RULES; // "©", "(c)" or not an ASCII word: the rules decide
        }
        String word = text.substring(start, wordEnd).toLowerCase(java.util.Locale.ROOT);
        return RULES_BY_FIRST_WORD.getOrDefault(word, List.of());
    }

    private static Map<String, List<Rule>> rulesByFirstWord() {
        Map<String, List<Rule>> byWord = new HashMap<>();
        for (String word : FOOTER_FIRST_WORDS) {
            List<Rule> rules = new ArrayList<>();
            for (Rule rule : SENTENCE_RULES) {
                java.util.regex.Matcher m = rule.pattern().matcher(word);
                if (m.matches() || m.hitEnd()) {
                    rules.add(rule);
                }
            }
            byWord.put(word, List.copyOf(rules));
        }
        return Map.copyOf(byWord);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A paragraph with widget text glued to its end ("… reconstruction”.shareprint"), split in two. */
    public record GluedChrome(String content, String chrome) {
    }

    /**
     * Widget words glued after the last sentence of a paragraph, as scrapers deliver them when the
     * share bar follows the text without a line break; empty when the paragraph ends cleanly.
     */
    public Optional<GluedChrome> trailingWidget(String paragraph) {
        return trailingWidgetTidy(TextNormalizer.tidy(paragraph));
    }

    /** {@link #trailingWidget} for text that is already {@link TextNormalizer#tidy}. */
    public Optional<GluedChrome> trailingWidgetTidy(String text) {
        int end = text.length();
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (start == end || start == 0 || end - start > MAX_WIDGET_CHARS) {
            return Optional.empty();
        }
        String tail = text.substring(start);
        String before = text.substring(0, start).stripTrailing();
        char last = before.isEmpty() ? ' ' : before.charAt(before.length() - 1);
        boolean afterSentence = ".!?\u201D\"\u2019)".indexOf(last) >= 0;
        String letters = tail.toLowerCase(java.util.Locale.ROOT);
        // Only a run of at least two widget words ("shareprint") counts: a sentence may end in "print".
        if (!afterSentence || !isWidgetText(letters) || !splitsIntoSeveral(letters)) {
            return Optional.empty();
        }
        return Optional.of(new GluedChrome(before, tail));
    }

    private static boolean splitsIntoSeveral(String letters) {
        for (String word : WIDGET_WORDS) {
            if (letters.equals(word)) {
                return false;
            }
        }
        return true;
    }

    public boolean isChrome(String paragraph) {
        return classify(paragraph).isPresent();
    }

    private static String sentenceRule(List<Rule> rules, String text, int start, int end) {
        if (rules.isEmpty()) {
            return null;
        }
        String sentence = text.substring(start, end);
        for (Rule rule : rules) {
            if (rule.pattern().matcher(sentence).matches()) {
                return rule.name();
            }
        }
        return null;
    }

    /** Whether the words, with spaces removed, can be cut into widget words ("shareprint"). */
    static boolean isWidgetText(String comparable) {
        String letters = comparable.replace(" ", "");
        if (letters.isEmpty() || !letters.chars().allMatch(Character::isLetter)) {
            return false;
        }
        // Segmentation by dynamic programming: reachable[i] when letters[0, i) splits into widget words.
        boolean[] reachable = new boolean[letters.length() + 1];
        reachable[0] = true;
        for (int end = 1; end <= letters.length(); end++) {
            for (int start = Math.max(0, end - 10); start < end && !reachable[end]; start++) {
                reachable[end] = reachable[start] && WIDGET_WORDS.contains(letters.substring(start, end));
            }
        }
        if (!reachable[letters.length()]) {
            return false;
        }
        // Single short words like "more" or "this" alone are not enough evidence of a widget.
        return comparable.contains(" ") || letters.length() >= 5 || Set.of("share", "print", "email", "tweet")
                .contains(letters);
    }
}
