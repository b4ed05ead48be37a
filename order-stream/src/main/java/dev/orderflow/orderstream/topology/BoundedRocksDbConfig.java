package dev.orderflow.orderstream.topology;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * Puts every RocksDB store of the instance on the instance's {@link RocksDbMemory}. Kafka Streams creates one
 * setter per store through its no-argument constructor, so the shared memory comes in through the Streams
 * configuration under {@link #MEMORY_CONFIG}, not through a static field.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Streams configuration key whose value is the instance's {@link RocksDbMemory} object. */
    public static final String MEMORY_CONFIG = "orderflow.rocksdb.memory";
    private static final int MEMTABLES_PER_STORE = 2;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(MEMORY_CONFIG) instanceof RocksDbMemory memory)) {
            throw new ConfigException(MEMORY_CONFIG, configs.get(MEMORY_CONFIG), "store " + storeName
                    + ": the Streams configuration must carry the instance's RocksDbMemory when "
                    + BoundedRocksDbConfig.class.getSimpleName() + " is the rocksdb.config.setter");
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        // Index and filter blocks live in the cache too, so they count against the budget; pinned with high priority
        // so that data blocks are evicted before them.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(memory.writeBufferBytes());
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing per store: the cache and the write buffer manager are shared; the app closes them after Streams.
    }
}
