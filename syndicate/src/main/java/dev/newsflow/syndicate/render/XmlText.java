package dev.newsflow.syndicate.render;

/**
 * Removes what XML 1.0 cannot carry at all (control characters other than tab/newline/return,
 * unpaired surrogates, U+FFFE/U+FFFF). Escaping of markup characters is left to the writer.
 */
public final class XmlText {
    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean keep;
            int width = 1;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
                width = keep ? 2 : 1;
            } else if (Character.isLowSurrogate(c)) {
                keep = false;
            } else {
                keep = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (keep) {
                if (out != null) {
                    out.append(text, i, i + width);
                }
            } else if (out == null) {
                out = new StringBuilder(length);
                out.append(text, 0, i);
            }
            i += width - 1;
        }
        return out == null ? text : out.toString();
    }
}
