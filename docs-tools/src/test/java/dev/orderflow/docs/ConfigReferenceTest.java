package dev.orderflow.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.docs.ConfigReference.Component;
import dev.orderflow.docs.ConfigReference.Table;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define("broker.url", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Where the <name> broker is | or is not.")
            .define("threads", Type.INT, 4, Range.between(1, 8), Importance.LOW, "Worker threads.")
            .define("secret", Type.PASSWORD, "", Importance.MEDIUM, "A secret.")
            .define("token", Type.PASSWORD, "s3cr3t", Importance.MEDIUM, "Never shown.")
            .define("check", Type.STRING, "x", (name, value) -> { }, Importance.LOW, "Checked by a lambda.")
            .define("tags", Type.LIST, List.of("a", "b"), Importance.LOW, "Tags.");

    @Test
    void rendersOneRowPerKeyInDeclarationOrder() {
        assertThat(ConfigReference.table(DEFINITION)).isEqualTo("""
                | key | type | default | valid values | importance | description |
                |---|---|---|---|---|---|
                | `broker.url` | string | *required* | non-empty string | high | Where the &lt;name&gt; broker is \\| or is not. |
                | `threads` | int | `4` | [1,...,8] | low | Worker threads. |
                | `secret` | password | *empty* |  | medium | A secret. |
                | `token` | password | *hidden* |  | medium | Never shown. |
                | `check` | string | `x` |  | low | Checked by a lambda. |
                | `tags` | list | `a,b` |  | low | Tags. |
                """);
    }

    @Test
    void aComponentSaysHowItsKeysAreGiven() {
        String md = ConfigReference.render(List.of(new Component("Relay", "ORDERFLOW_RELAY_", "`relay --set K=V`",
                List.of(new Table("Keys", DEFINITION)), List.of("`producer.*` keys go to the producer."))));
        assertThat(md).contains("### Relay", "`ORDERFLOW_RELAY_<KEY>`", "`relay --set K=V`",
                "`producer.*` keys go to the producer.", "#### Keys", "| `threads` |");
    }

    @Test
    void splicesBetweenTheMarkersAndKeepsTheRest() {
        String document = "intro\n" + ConfigReference.START + "\nold\n" + ConfigReference.END + "\noutro\n";
        String spliced = ConfigReference.splice(document, "new");
        assertThat(spliced).isEqualTo("intro\n" + ConfigReference.START + "\nnew\n" + ConfigReference.END
                + "\noutro\n");
        assertThat(ConfigReference.splice(spliced, "new")).isEqualTo(spliced);
    }

    @Test
    void refusesADocumentWithoutMarkers() {
        assertThatThrownBy(() -> ConfigReference.splice("no markers", "new"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigReference.START);
    }

    @Test
    void everyComponentHasAtLeastOneKey() {
        assertThat(ConfigReference.components()).extracting(Component::name).hasSize(4);
        ConfigReference.components().forEach(c -> c.tables()
                .forEach(t -> assertThat(t.definition().names()).as(t.heading()).isNotEmpty()));
    }
}
