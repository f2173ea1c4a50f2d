package fr.essor.service.security;

import fr.essor.model.shared.Crypto;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a password matched a stored hash, so that the REST API's
 * HTTP Basic requests do not pay for PBKDF2 each time. An entry only counts while the stored hash
 * is unchanged (a password change or reset invalidates it) and the account is still active (the
 * caller checks); passwords are kept as an HMAC under a key that never leaves this process.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class VerifiedCredentialCache {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] key = Crypto.randomBytes(32);
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public boolean matches(String email, char[] password, String storedHash) {
        Entry e = entries.get(email.toLowerCase(Locale.ROOT));
        return e != null
                && e.expiresAtNanos - System.nanoTime() > 0
                && e.storedHash.equals(storedHash)
                && MessageDigest.isEqual(e.mac, mac(password));
    }

    public void remember(String email, char[] password, String storedHash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(email.toLowerCase(Locale.ROOT),
                new Entry(mac(password), storedHash, System.nanoTime() + TTL.toNanos()));
    }

    public void forget(String email) {
        entries.remove(email.toLowerCase(Locale.ROOT));
    }

    /** Forgets every credential, as a restart does (the container tests' reset between two classes). */
    public void forgetAll() {
        entries.clear();
    }

    private byte[] mac(char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(byte[] mac, String storedHash, long expiresAtNanos) {
    }
}
