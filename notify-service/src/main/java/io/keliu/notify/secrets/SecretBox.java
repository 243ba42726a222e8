package io.keliu.notify.secrets;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts recipient addresses at rest (AES-256-GCM, a random nonce each time) and hashes them with a key of their
 * own (HMAC-SHA256), so that a webhook key, a phone number or an address can be found again without decrypting.
 */
@Component
public class SecretBox {
    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec encryption;
    private final SecretKeySpec hashing;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretProperties properties) {
        byte[] key = decode(properties.secretKey());
        this.encryption = new SecretKeySpec(derive(key, "encrypt"), "AES");
        this.hashing = new SecretKeySpec(derive(key, "hash"), "HmacSHA256");
    }

    private static byte[] decode(String secretKey) {
        String missing = "KELIU_NOTIFY_SECRET_KEY must be 32 random bytes in base64 (make one with "
                + "`openssl rand -base64 32`); it encrypts webhook keys, phone numbers and addresses at rest";
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalStateException(missing);
        }
        try {
            byte[] key = Base64.getDecoder().decode(secretKey.trim());
            if (key.length != 32) {
                throw new IllegalStateException(missing + " (it has " + key.length + " bytes)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(missing + " (it is not base64)", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a recipient: was KELIU_NOTIFY_SECRET_KEY changed?", e);
        }
    }

    public String hash(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashing);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
