package dev.orderflow.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class BoundedRocksDbConfigTest {

    @Test
    void aStoreWithoutTheInstancesMemoryFailsNamingTheKey() {
        // Checked before the options are touched: no RocksDB library is loaded here.
        assertThatThrownBy(() -> new BoundedRocksDbConfig().setConfig("order-views", null,
                Map.of(BoundedRocksDbConfig.MEMORY_CONFIG, "64")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(BoundedRocksDbConfig.MEMORY_CONFIG)
                .hasMessageContaining("order-views");
    }
}
