package dev.newsflow.enrich.ner;

/**
 * The BILOU tag set over the four types: {@code O}, then for each type begin, inside, last and unit
 * (a one-token name). BILOU rather than BIO because a name's last word carries the most evidence of
 * its type ("... Corporation", "... River") and the model can learn that at the position itself.
 */
final class Labels {
    static final int O = 0;
    static final int COUNT = 17;
    static final int B = 0;
    static final int I = 1;
    static final int L = 2;
    static final int U = 3;
    /** Every label allowed. */
    static final int ALL = (1 << COUNT) - 1;
    /** Only O: tokens outside the recogniser's candidates. */
    static final int ONLY_O = 1;

    private Labels() {
    }

    static int label(int type, int position) {
        return 1 + 4 * type + position;
    }

    static int type(int label) {
        return (label - 1) >> 2;
    }

    static int position(int label) {
        return (label - 1) & 3;
    }

    /** All four labels of a type, as a mask. */
    static int typeMask(int type) {
        return 0b1111 << (1 + 4 * type);
    }

    /** True when a label may follow another (-1 = the start of the sentence). */
    static boolean allowed(int previous, int next) {
        boolean open = previous > 0 && (position(previous) == B || position(previous) == I);
        if (open) {
            return next > 0 && type(next) == type(previous) && (position(next) == I || position(next) == L);
        }
        return next == O || position(next) == B || position(next) == U;
    }

    /** True when a sentence may end after the label. */
    static boolean canEnd(int label) {
        return label == O || position(label) == L || position(label) == U;
    }

    static String name(int label) {
        if (label == O) {
            return "O";
        }
        return "BILU".charAt(position(label)) + "-" + NerType.of(type(label));
    }
}
