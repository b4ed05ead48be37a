package dev.orderflow.schemas.compat;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Turns the location Avro's {@code SchemaCompatibility} reports (a JSON pointer into the reader schema, such as
 * {@code /fields/2/type/items/fields/1}) into the field path a person recognises ({@code lineItems[].quantity}).
 */
final class FieldPath {

    private FieldPath() {
    }

    /** The dotted field path the pointer leads to, or empty when it does not point into a field. */
    static Optional<String> of(Schema reader, String pointer) {
        String[] tokens = pointer.split("/");
        StringBuilder path = new StringBuilder();
        Schema current = reader;
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("fields") && current.getType() == Schema.Type.RECORD && i + 1 < tokens.length) {
                Schema.Field field = fieldAt(current, tokens[++i]);
                if (field == null) {
                    return Optional.empty();
                }
                path.append(path.isEmpty() ? "" : ".").append(field.name());
                current = field.schema();
            } else if (token.equals("items") && current.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                current = current.getElementType();
            } else if (token.equals("values") && current.getType() == Schema.Type.MAP) {
                path.append("{}");
                current = current.getValueType();
            } else if (current.getType() == Schema.Type.UNION && isIndex(token, current.getTypes().size())) {
                current = current.getTypes().get(Integer.parseInt(token));
            } else if (!token.equals("type")) {
                break; // symbols, name, size: a part of the type, not a further field
            }
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(path.toString());
    }

    private static Schema.Field fieldAt(Schema record, String index) {
        return isIndex(index, record.getFields().size()) ? record.getFields().get(Integer.parseInt(index)) : null;
    }

    private static boolean isIndex(String token, int size) {
        return token.matches("\\d{1,9}") && Integer.parseInt(token) < size;
    }
}
