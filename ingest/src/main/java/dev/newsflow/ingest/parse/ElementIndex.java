package dev.newsflow.ingest.parse;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * The elements under a root in document order, with each one's parent and the end of its subtree, so that
 * "is this inside that", "how many of these are below it" and "the first one of those inside it" take constant
 * time. Asking jsoup the same per element ({@code closest}, {@code parents}, {@code select} on each block) walks
 * the ancestors or the subtree every time: quadratic on deeply nested pages. Building the index is one walk.
 */
final class ElementIndex {
    private final List<Element> elements;
    private final int[] parent;
    private final int[] end;
    private final Map<Element, Integer> positions;

    private ElementIndex(List<Element> elements, PageBudget budget) {
        this.elements = elements;
        int size = elements.size();
        this.parent = new int[size];
        this.end = new int[size];
        this.positions = new IdentityHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            budget.tick();
            Element element = elements.get(i);
            positions.put(element, i);
            Integer up = i == 0 ? null : positions.get(element.parent());
            parent[i] = up == null ? -1 : up;
            end[i] = i;
        }
        // Descendants follow their ancestors in document order, so one backward sweep sees every child first.
        for (int i = size - 1; i > 0; i--) {
            if (parent[i] >= 0 && end[i] > end[parent[i]]) {
                end[parent[i]] = end[i];
            }
        }
    }

    /** The root and every element below it. */
    static ElementIndex of(Element root, PageBudget budget) {
        return new ElementIndex(root.getAllElements(), budget);
    }

    int size() {
        return elements.size();
    }

    Element element(int index) {
        return elements.get(index);
    }

    /** The parent's position, or -1 for the root. */
    int parent(int index) {
        return parent[index];
    }

    /** The position of an element of this index, or -1. */
    int indexOf(Element element) {
        Integer position = positions.get(element);
        return position == null ? -1 : position;
    }

    /** True when {@code descendant} lies strictly inside {@code ancestor}. */
    boolean isStrictlyInside(int descendant, int ancestor) {
        return descendant > ancestor && descendant <= end[ancestor];
    }

    /** The last position inside the subtree of {@code index}. */
    int subtreeEnd(int index) {
        return end[index];
    }

    /** For each element: whether it, or any element above it in this index, matches. */
    boolean[] selfOrAncestor(Predicate<Element> test) {
        boolean[] result = new boolean[size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (parent[i] >= 0 && result[parent[i]]) || test.test(elements.get(i));
        }
        return result;
    }

    /** For each element: how many elements of its subtree (itself included) match. */
    int[] countInSubtree(Predicate<Element> test) {
        int[] counts = new int[size()];
        for (int i = counts.length - 1; i >= 0; i--) {
            if (test.test(elements.get(i))) {
                counts[i]++;
            }
            if (parent[i] >= 0) {
                counts[parent[i]] += counts[i];
            }
        }
        return counts;
    }

    /**
     * For each position: the first position at or after it whose element matches, or {@link Integer#MAX_VALUE}.
     * The first match inside a subtree is then {@code next[i + 1]} when it is at most {@link #subtreeEnd(int)}.
     */
    int[] nextMatch(Predicate<Element> test) {
        int[] next = new int[size() + 1];
        next[size()] = Integer.MAX_VALUE;
        for (int i = size() - 1; i >= 0; i--) {
            next[i] = test.test(elements.get(i)) ? i : next[i + 1];
        }
        return next;
    }

    /** The first element strictly inside {@code index} that {@code next} (from {@link #nextMatch}) found, or -1. */
    int firstInside(int index, int[] next) {
        int candidate = next[index + 1];
        return candidate <= end[index] ? candidate : -1;
    }
}
