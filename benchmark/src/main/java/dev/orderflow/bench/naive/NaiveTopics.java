package dev.orderflow.bench.naive;

import java.util.List;

/** The naive pipeline's own topics, one set per run: {@code naive.<run>.orders} and so on. */
record NaiveTopics(String orders, String stockReserved, String paymentAuthorized, String delivered) {

    static NaiveTopics forRun(String run) {
        String prefix = "naive." + run + ".";
        return new NaiveTopics(prefix + "orders", prefix + "stock-reserved", prefix + "payment-authorized",
                prefix + "delivered");
    }

    List<String> all() {
        return List.of(orders, stockReserved, paymentAuthorized, delivered);
    }
}
