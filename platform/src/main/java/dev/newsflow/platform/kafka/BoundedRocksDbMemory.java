package dev.newsflow.platform.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB state store of the process under one memory budget: a single block cache that also
 * holds the memtables (through a write-buffer manager) and the index and filter blocks. Left alone, each store
 * of each task gets its own 50 MB cache and up to three 16 MB memtables, so the off-heap memory of a Streams
 * application grows with stores × partitions (and the demo runs three applications in one JVM).
 *
 * <p>Set as {@code rocksdb.config.setter}; the budget is {@value #MEMORY_BYTES} in the Streams configuration
 * (default {@value #DEFAULT_MEMORY_BYTES} bytes), read by the first store opened in the process: the cache is
 * shared by all stores of all applications in the JVM, which is the point.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Streams configuration key of the process-wide budget in bytes (block cache + memtables). */
    public static final String MEMORY_BYTES = "newsflow.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;
    /** Share of the budget the memtables may take before RocksDB flushes them. */
    static final double MEMTABLE_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    static final double HIGH_PRIORITY_SHARE = 0.1;
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;

    private static Budget budget;

    private record Budget(long bytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    /** The process-wide budget in bytes, or -1 before the first store was configured. */
    public static synchronized long budgetBytes() {
        return budget == null ? -1 : budget.bytes();
    }

    private static synchronized Budget budget(Map<String, Object> configs) {
        if (budget == null) {
            long bytes = memoryBytes(configs.get(MEMORY_BYTES));
            Cache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            budget = new Budget(bytes, cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        }
        return budget;
    }

    static long memoryBytes(Object configured) {
        if (configured == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        long bytes;
        try {
            bytes = configured instanceof Number number ? number.longValue() : Long.parseLong(configured.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_BYTES + " must be a number of bytes, got '" + configured + "'");
        }
        if (bytes < 8L * 1024 * 1024) {
            throw new IllegalArgumentException(MEMORY_BYTES + " must be at least 8 MiB, got " + bytes);
        }
        return bytes;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget shared = budget(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(shared.writeBuffers());
        // Small memtables flush early; the write-buffer manager caps their sum anyway.
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager are shared by every store of the process: closing one store must
        // not free them.
    }
}
