package dev.orderflow.dlq.format;

/** Lower-case hex of raw bytes, optionally cut to a length an operator can read. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return of(bytes, Integer.MAX_VALUE);
    }

    /** At most {@code maxBytes} bytes, followed by a note of how many were left out. */
    public static String of(byte[] bytes, int maxBytes) {
        if (bytes == null) {
            return "";
        }
        int shown = Math.min(bytes.length, maxBytes);
        StringBuilder hex = new StringBuilder(shown * 2 + 24);
        for (int i = 0; i < shown; i++) {
            hex.append(DIGITS[(bytes[i] >> 4) & 0xf]).append(DIGITS[bytes[i] & 0xf]);
        }
        if (shown < bytes.length) {
            hex.append("… (").append(bytes.length - shown).append(" more bytes)");
        }
        return hex.toString();
    }
}
