package io.github.elbo4j.cli.report;

import io.github.elbo4j.cli.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML page (figures embedded as base64 PNG, no scripts, no external
 * resources), assembled in order and written atomically.
 */
public final class HtmlReport {

    private final String title;
    private final List<String> blocks = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = title;
    }

    /** A new report with this title. */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        blocks.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /**
     * A highlighted box: the verdict of a fit, its level as the headline and one line per reason;
     * {@code warning} colours it as a warning.
     */
    public HtmlReport verdict(String level, List<String> reasons, boolean warning) {
        StringBuilder sb = new StringBuilder("<div class=\"verdict ").append(warning ? "warn" : "ok").append("\"><strong>Verdict: ")
                .append(escape(level)).append("</strong>");
        if (!reasons.isEmpty()) {
            sb.append("<ul>");
            for (String r : reasons) {
                sb.append("<li>").append(escape(r)).append("</li>");
            }
            sb.append("</ul>");
        }
        blocks.add(sb.append("</div>").toString());
        return this;
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        blocks.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** Monospaced text, as printed on the terminal. */
    public HtmlReport preformatted(String text) {
        blocks.add("<pre>" + escape(text) + "</pre>");
        return this;
    }

    /** A figure from PNG bytes with a caption. */
    public HtmlReport figure(byte[] png, String caption) {
        blocks.add("<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption) + "</figcaption></figure>");
        return this;
    }

    /** A table with a header row. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (String c : row) {
                sb.append("<td>").append(escape(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        blocks.add(sb.append("</tbody></table>").toString());
        return this;
    }

    /** A link to another page. */
    public HtmlReport link(String href, String text) {
        blocks.add("<p><a href=\"" + escape(href) + "\">" + escape(text) + "</a></p>");
        return this;
    }

    /**
     * A thumbnail of {@code image} (a path relative to the page) linking to {@code href}, with a
     * one-line caption: the linked {@code title}, then {@code text}.
     */
    public HtmlReport thumbnail(String href, String image, String title, String text) {
        blocks.add("<figure class=\"thumb\"><a href=\"" + escape(href) + "\"><img src=\"" + escape(image) + "\" width=\"320\" alt=\""
                + escape(title) + "\"></a><figcaption><a href=\"" + escape(href) + "\">" + escape(title) + "</a>: " + escape(text)
                + "</figcaption></figure>");
        return this;
    }

    /** The page's HTML. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}"
                        + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
                        + "img{max-width:100%}figcaption{color:#555;font-size:.9em}"
                        + "figure.thumb{display:inline-block;vertical-align:top;width:320px;margin:.5em}"
                        + "figure.thumb img{border:1px solid #ddd}"
                        + ".verdict{padding:.6em 1em;margin:1em 0;border-left:.4em solid}.verdict ul{margin:.3em 0 0}"
                        + ".verdict.ok{background:#eef7ee;border-color:#2e7d32}.verdict.warn{background:#fdecea;border-color:#c62828}"
                        + "</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (String b : blocks) {
            sb.append(b).append('\n');
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Writes the page to {@code file}, whole or not at all. */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, html());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
