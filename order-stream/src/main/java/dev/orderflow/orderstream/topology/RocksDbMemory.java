package dev.orderflow.orderstream.topology;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The off-heap memory every RocksDB store of one order-stream instance shares: one block cache, and a write buffer
 * manager that charges the stores' memtables to that cache. Without it each store takes Kafka Streams' defaults
 * (a 50 MiB block cache and up to three 16 MiB memtables per store), so an instance's RocksDB memory grows with
 * the number of stores times tasks (3 × 6 here) and is bounded by nothing but the data. Kafka Streams' own recipe
 * ("Bounding memory usage", the BoundedMemoryRocksDBConfig of its memory-management guide), with the shared
 * objects owned by the app instead of static fields: the app creates one, passes it to the stores through the
 * Streams configuration ({@link BoundedRocksDbConfig}), and closes it after Kafka Streams closed.
 */
public final class RocksDbMemory implements AutoCloseable {

    /** Share of the cache that index and filter blocks may hold with high priority (Kafka's guide uses 0.1). */
    private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

    private final long totalBytes;
    private final Cache cache;
    private final WriteBufferManager writeBuffers;

    private RocksDbMemory(long totalBytes) {
        this.totalBytes = totalBytes;
        // numShardBits -1: RocksDB picks the shard count. Not strict: a read never fails because the cache is full.
        this.cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_BLOCK_RATIO);
        this.writeBuffers = new WriteBufferManager(memtableBytes(), cache);
    }

    /** Allocates the shared cache (RocksDB allocates its blocks as they are used, not up front). */
    public static RocksDbMemory ofBytes(long totalBytes) {
        if (totalBytes < 1) {
            throw new IllegalArgumentException("RocksDB memory must be positive: " + totalBytes);
        }
        // Kafka Streams loads RocksDB's native library when it opens the first store; the cache comes before that.
        RocksDB.loadLibrary();
        return new RocksDbMemory(totalBytes);
    }

    /** Half the budget may be memtables; when they hold more, RocksDB flushes the largest. */
    public long memtableBytes() {
        return totalBytes / 2;
    }

    /**
     * One memtable's size: a quarter of the memtable budget, so several stores can fill theirs before the manager
     * forces flushes, and no flush writes a file much larger than the others.
     */
    public long writeBufferBytes() {
        return Math.max(1, memtableBytes() / 4);
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBuffers() {
        return writeBuffers;
    }

    /**
     * Drops the app's references. RocksDB keeps the cache and the manager by shared pointer in each store's options,
     * so a store that Kafka Streams did not close in time keeps them alive rather than using freed memory.
     */
    @Override
    public void close() {
        writeBuffers.close();
        cache.close();
    }
}
