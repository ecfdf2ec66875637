package dev.newsflow.syndicate.filter;

import dev.newsflow.schema.Entity;
import dev.newsflow.schema.Topic;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The building blocks a parsed filter is made of. Text comparisons ignore case. */
final class Matchers {
    private Matchers() {
    }

    static FeedFilter all(List<FeedFilter> parts) {
        List<FeedFilter> copy = List.copyOf(parts);
        return article -> copy.stream().allMatch(part -> part.matches(article));
    }

    static FeedFilter any(List<FeedFilter> parts) {
        List<FeedFilter> copy = List.copyOf(parts);
        return article -> copy.stream().anyMatch(part -> part.matches(article));
    }

    static FeedFilter not(FeedFilter part) {
        return article -> !part.matches(article);
    }

    static FeedFilter section(List<String> values) {
        Set<String> wanted = folded(values);
        return article -> wanted.contains(FilterParser.fold(article.getSection()));
    }

    static FeedFilter category(List<String> values) {
        Set<String> wanted = folded(values);
        return article -> wanted.contains(FilterParser.fold(article.getCategory()));
    }

    static FeedFilter publisher(List<String> values) {
        Set<String> wanted = folded(values);
        return article -> wanted.contains(FilterParser.fold(article.getPublisherId()));
    }

    /** "en" matches "en" and "en-GB"; "en-GB" matches only "en-GB". */
    static FeedFilter language(List<String> values) {
        Set<String> wanted = folded(values);
        return article -> {
            String language = FilterParser.fold(article.getLanguage());
            if (language.isEmpty()) {
                return false;
            }
            for (String tag : wanted) {
                if (language.equals(tag) || language.startsWith(tag + "-")) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A topic matches when it, or any ancestor in its parents chain, is wanted, with enough score. */
    static FeedFilter topic(List<String> qcodes, double minConfidence) {
        Set<String> wanted = Set.copyOf(qcodes);
        return article -> {
            for (Topic topic : article.getTopics()) {
                if (topic.getScore() < minConfidence) {
                    continue;
                }
                if (wanted.contains(topic.getQcode())) {
                    return true;
                }
                for (String parent : topic.getParents()) {
                    if (wanted.contains(parent)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** A value shaped like a QID matches the Wikidata id; anything else matches the entity's name. */
    static FeedFilter entity(List<String> values, double minConfidence, Pattern qid) {
        Set<String> qids = values.stream().filter(v -> qid.matcher(v).matches()).collect(Collectors.toSet());
        Set<String> names = values.stream().filter(v -> !qid.matcher(v).matches()).map(FilterParser::fold)
                .collect(Collectors.toSet());
        return article -> {
            for (Entity entity : article.getEntities()) {
                if (entity.getConfidence() < minConfidence) {
                    continue;
                }
                if ((entity.getWikidataId() != null && qids.contains(entity.getWikidataId()))
                        || names.contains(FilterParser.fold(entity.getName()))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A keyword matches the article's keywords, or a whole word or phrase of its headline or body. */
    static FeedFilter keyword(List<String> values) {
        List<Pattern> patterns = values.stream()
                .map(v -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        Set<String> wanted = folded(values);
        return article -> {
            for (String keyword : article.getKeywords()) {
                if (wanted.contains(FilterParser.fold(keyword))) {
                    return true;
                }
            }
            for (Pattern pattern : patterns) {
                if (pattern.matcher(article.getHeadline()).find()) {
                    return true;
                }
                for (String paragraph : article.getBody()) {
                    if (pattern.matcher(paragraph).find()) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private static Set<String> folded(List<String> values) {
        return values.stream().map(FilterParser::fold).collect(Collectors.toSet());
    }

}
