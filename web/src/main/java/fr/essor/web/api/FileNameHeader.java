package fr.essor.web.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an uploaded document as the API receives it (issue 18, item 13). HTTP headers carry
 * ASCII, so a name such as {@code relevé.pdf} is sent in one of two documented ways:
 * <ul>
 * <li>{@code Content-Disposition: attachment; filename*=UTF-8''rel%C3%A9v%C3%A9.pdf} (RFC 5987 /
 * RFC 6266), which wins when present;</li>
 * <li>{@code X-File-Name: rel%C3%A9v%C3%A9.pdf}, percent-encoded UTF-8 (a name without any valid
 * {@code %XX} sequence is taken as it is).</li>
 * </ul>
 * Raw UTF-8 bytes in {@code X-File-Name}, which the server reads as ISO-8859-1, are recovered too.
 */
final class FileNameHeader {

    private static final Pattern EXT_VALUE = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([A-Za-z0-9!#$&+^`{}~-]+)'[A-Za-z0-9-]*'([^;\\s]*)");
    private static final Pattern PLAIN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*(\"([^\"]*)\"|[^;\\s]*)");

    private FileNameHeader() {
    }

    /** The file name, or null when neither header gives one. */
    static String decode(String contentDisposition, String xFileName) {
        if (contentDisposition != null) {
            Matcher ext = EXT_VALUE.matcher(contentDisposition);
            if (ext.find()) {
                String charset = ext.group(1).toUpperCase(Locale.ROOT);
                String decoded = percentDecode(ext.group(2), !"ISO-8859-1".equals(charset));
                if (decoded != null) {
                    return decoded;
                }
            }
            Matcher plain = PLAIN.matcher(contentDisposition);
            if (plain.find()) {
                return plain.group(2) != null ? plain.group(2) : plain.group(1);
            }
        }
        if (xFileName == null) {
            return null;
        }
        if (xFileName.matches(".*%[0-9A-Fa-f]{2}.*")) {
            String decoded = percentDecode(xFileName, true);
            if (decoded != null) {
                return decoded;
            }
        }
        return recoverUtf8(xFileName);
    }

    /** Percent-decoding to UTF-8 (or ISO-8859-1); null when the bytes are not valid in it. */
    private static String percentDecode(String value, boolean utf8) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                    && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        return utf8 ? strictUtf8(bytes.toByteArray()) : new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static String recoverUtf8(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        String utf8 = strictUtf8(value.getBytes(StandardCharsets.ISO_8859_1));
        return utf8 == null ? value : utf8;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
