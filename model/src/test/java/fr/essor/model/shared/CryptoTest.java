package fr.essor.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CryptoTest {

    @Test
    void sha256OfAbcIsTheStandardTestVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Crypto.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sha256OfNothingIsTheStandardTestVector() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Crypto.sha256Hex(new byte[0]));
    }

    @Test
    void sha256OfATextIsTheSha256OfItsUtf8Bytes() {
        assertEquals(Crypto.sha256Hex("Réseau".getBytes(StandardCharsets.UTF_8)), Crypto.sha256Hex("Réseau"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Crypto.sha256Hex("abc"));
    }

    @Test
    void sha256OfNullIsRefused() {
        assertThrows(NullPointerException.class, () -> Crypto.sha256Hex((byte[]) null));
        assertThrows(NullPointerException.class, () -> Crypto.sha256Hex((String) null));
    }

    @Test
    void urlTokenOf32BytesIs43UrlSafeCharactersAndNeverTwiceTheSame() {
        String a = Crypto.randomUrlToken(32);
        String b = Crypto.randomUrlToken(32);
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]+"), a);
        assertNotEquals(a, b);
    }

    @Test
    void randomBytesHaveTheLengthAsked() {
        assertEquals(16, Crypto.randomBytes(16).length);
        assertEquals(0, Crypto.randomBytes(0).length);
    }

    @Test
    void randomCharsComeFromTheAlphabetOnly() {
        String s = Crypto.randomChars("ab", 200);
        assertEquals(200, s.length());
        assertTrue(s.matches("[ab]+"), s);
        assertTrue(s.contains("a") && s.contains("b"), s);
    }
}
