package dev.orderflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Builds a fully populated instance of any generated event class from its schema, for round-trip tests. */
final class SampleRecords {

    private SampleRecords() {
    }

    static SpecificRecord of(Class<? extends SpecificRecord> type) {
        return (SpecificRecord) value(SpecificData.get().getSchema(type));
    }

    private static Object value(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> record(schema);
            case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(0), schema);
            case ARRAY -> List.of(value(schema.getElementType()));
            case UNION -> value(schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
                    .orElseThrow());
            case STRING -> schema.getLogicalType() instanceof LogicalTypes.Uuid ? UUID.randomUUID() : "sample";
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? Instant.ofEpochMilli(1_700_000_000_123L) : 4200L;
            case INT -> 2;
            case BOOLEAN -> true;
            default -> throw new IllegalArgumentException("no sample for " + schema);
        };
    }

    private static Object record(Schema schema) {
        SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), value(field.schema()));
        }
        return record;
    }
}
