package dev.orderflow.orderstream.intake;

import java.util.Locale;

/** Whether a {@code Content-Type} header announces JSON this API reads: {@code application/json}, UTF-8. */
final class JsonContentType {

    private JsonContentType() {
    }

    static boolean accepts(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset") && (param.length < 2
                    || !param[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }
}
