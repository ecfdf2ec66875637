package dev.newsflow.ingest.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes many elements from a page with each parent's children rebuilt once. jsoup's {@code remove()} searches
 * and shifts the parent's child list, so removing thousands of siblings one by one is quadratic.
 */
final class HtmlRemoval {
    private HtmlRemoval() {
    }

    static void removeAll(List<Element> elements) {
        Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
        for (Element element : elements) {
            if (element.parent() != null) {
                byParent.computeIfAbsent(element.parent(),
                        parent -> Collections.newSetFromMap(new IdentityHashMap<>())).add(element);
            }
        }
        byParent.forEach((parent, removed) -> {
            List<Node> kept = new ArrayList<>(Math.max(0, parent.childNodeSize() - removed.size()));
            for (Node child : parent.childNodes()) {
                if (!removed.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        });
    }
}
