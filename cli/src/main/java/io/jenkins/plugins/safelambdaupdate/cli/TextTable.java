package io.jenkins.plugins.safelambdaupdate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with aligned columns, for terminals without colours. Not thread-safe. */
final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** @param headers the column headers; a header starting with {@code >} is right-aligned (the {@code >} is dropped) */
    TextTable(String... headers) {
        this.headers = new String[headers.length];
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
        }
    }

    /**
     * @param cells one value per column ({@code toString()}; null prints as {@code -})
     * @return this
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    TextTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toArray(String[]::new));
        return this;
    }

    /** @return the header line and one line per row, without trailing spaces */
    List<String> lines() {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths));
        for (String[] row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    /**
     * @param out where to print, not null
     * @param indent prefix of every line, not null
     */
    void print(PrintWriter out, String indent) {
        lines().forEach(line -> out.println(indent + line));
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(widths[i] - cells[i].length());
            sb.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        return sb.toString().stripTrailing();
    }
}
