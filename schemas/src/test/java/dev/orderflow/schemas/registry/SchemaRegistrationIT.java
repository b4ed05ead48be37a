package dev.orderflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemas.EventCatalog;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against the real registry: every event registers, and the registry enforces the gate's levels too. */
@ExtendWith(RealInfrastructure.class)
class SchemaRegistrationIT {

    @Test
    void registersEveryEventAndRefusesABreakingOrderPlaced(SchemaRegistryFixture registry) {
        SchemaRegistrar registrar = SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl()));

        Map<String, Integer> ids = registrar.registerAll();
        assertThat(ids).hasSize(EventCatalog.types().size()).allSatisfy((subject, id) -> assertThat(id).isPositive());
        assertThat(registrar.registerAll()).as("registering again is idempotent").isEqualTo(ids);

        Schema breaking = withRequiredField(OrderPlaced.getClassSchema(), "giftWrap");
        assertThatThrownBy(() -> registrar.register(List.of(breaking)))
                .isInstanceOf(SchemaRegistrationException.class)
                .hasMessageContaining("cannot register dev.orderflow.events.OrderPlaced")
                .hasMessageContaining("incompatible");
    }

    private static Schema withRequiredField(Schema schema, String name) {
        List<Schema.Field> fields = new java.util.ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, SchemaBuilder.builder().booleanType(), "new required field"));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
