package fr.essor.model.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 digests and secure random values, written once for the whole house: documents and minutes are identified
 * by the SHA-256 of their bytes, audit events chain by it, invitation links store only the SHA-256 of their token;
 * tokens, salts, keys and temporary passwords come from one {@link SecureRandom}.
 */
public final class Crypto {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    /** The SHA-256 of the bytes, 32 bytes. */
    public static byte[] sha256(byte[] content) {
        Objects.requireNonNull(content, "content");
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /** The SHA-256 of the bytes, 64 lower-case hex digits. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    /** The SHA-256 of the text's UTF-8 bytes, 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        Objects.requireNonNull(text, "text");
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code length} secure random bytes. */
    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A token of {@code bytes} secure random bytes, URL-safe Base64 without padding (fit for a link). */
    public static String randomUrlToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** {@code length} characters drawn uniformly and securely from {@code alphabet}. */
    public static String randomChars(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
