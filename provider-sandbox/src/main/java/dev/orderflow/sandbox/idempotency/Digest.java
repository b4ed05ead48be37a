package dev.orderflow.sandbox.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The first 128 bits of a text's SHA-256: what the sandbox keeps instead of the text when it only ever compares it,
 * such as a request's fingerprint under an idempotency key or the identity of a counted call. The sandbox remembers
 * every key for its lifetime, and at a few hundred orders a second the texts themselves were a quarter of a
 * benchmark's live heap; 128 bits make a collision among billions of texts far less likely than a disk error.
 *
 * @param high the first 64 bits
 * @param low  the next 64 bits
 */
public record Digest(long high, long low) {

    public static Digest of(String text) {
        ByteBuffer hash = ByteBuffer.wrap(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
        return new Digest(hash.getLong(), hash.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
    }
}
