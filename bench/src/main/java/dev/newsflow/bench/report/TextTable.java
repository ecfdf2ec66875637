package dev.newsflow.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table whose columns are padded, so it reads in a terminal and renders in BENCHMARKS.md. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        out.append('|');
        for (int width : widths) {
            out.append(' ').append("-".repeat(width)).append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            out.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
