package dev.orderflow.sandbox.stock;

/**
 * Stock of one SKU.
 *
 * @param sku            the SKU
 * @param available      units that can be reserved
 * @param reserved       units held by live reservations
 * @param committed      units taken for good by committed reservations
 * @param lowestAvailable the lowest {@code available} ever observed (the invariant says it is never negative)
 */
public record StockLevel(String sku, long available, long reserved, long committed, long lowestAvailable) {
}
