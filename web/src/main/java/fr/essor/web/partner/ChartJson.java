package fr.essor.web.partner;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Chart.js configurations for {@code p:chart}, written by hand as JSON. PrimeFaces puts the text into an
 * inline script as it is, so every string is escaped for JSON and for HTML ({@code <}, {@code >},
 * {@code &} as unicode escapes): a label can never close the script.
 */
public final class ChartJson {

    /** Allocated, disbursed, repaid: dark colours with at least 4.5:1 against white. */
    static final List<String> COLOURS = List.of("#0b4f6c", "#1a7f37", "#8a4b00", "#6f42c1", "#b42318", "#4a5560");

    private ChartJson() {
    }

    public record Series(String label, List<BigDecimal> values) {
    }

    /** A line chart of several series over the same labels (months). */
    public static String line(Locale locale, List<String> labels, List<Series> series) {
        StringBuilder sb = new StringBuilder("{\"type\":\"line\",\"data\":{\"labels\":");
        strings(sb, labels);
        sb.append(",\"datasets\":[");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS.get(i % COLOURS.size());
            sb.append(i == 0 ? "" : ",").append("{\"label\":").append(string(s.label())).append(",\"data\":");
            numbers(sb, s.values());
            sb.append(",\"borderColor\":\"").append(colour).append("\",\"backgroundColor\":\"").append(colour)
                    .append("\",\"fill\":false,\"tension\":0,\"stepped\":true}");
        }
        return sb.append("]},").append(options(locale, "")).append('}').toString();
    }

    /** A horizontal bar chart of one series. */
    public static String bars(Locale locale, List<String> labels, String seriesLabel, List<BigDecimal> values) {
        StringBuilder sb = new StringBuilder("{\"type\":\"bar\",\"data\":{\"labels\":");
        strings(sb, labels);
        sb.append(",\"datasets\":[{\"label\":").append(string(seriesLabel)).append(",\"data\":");
        numbers(sb, values);
        sb.append(",\"backgroundColor\":\"").append(COLOURS.get(0)).append("\"}]},");
        return sb.append(options(locale, "\"indexAxis\":\"y\",")).append('}').toString();
    }

    /** The axes' numbers are written for the page's language (25 000 in French, 25,000 in English). */
    private static String options(Locale locale, String extra) {
        return "\"options\":{" + extra + "\"locale\":" + string(locale.toLanguageTag()) + ",\"animation\":false,\"responsive\":true,\"maintainAspectRatio\":false,"
                + "\"plugins\":{\"legend\":{\"position\":\"bottom\"}}}";
    }

    private static void strings(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        sb.append(']');
    }

    private static void numbers(StringBuilder sb, List<BigDecimal> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(values.get(i) == null ? "null" : values.get(i).toPlainString());
        }
        sb.append(']');
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
