package dev.orderflow.orderstream.topology;

import dev.orderflow.orderstream.domain.OrderView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The views this task read or wrote last, as objects, in front of the view store. An order's events come close
 * together (its stages answer within seconds), and reading a view back from the store means parsing its whole JSON,
 * timeline included, for every event: the largest cost of this app under load. Views are immutable, and this
 * task is the store's only writer, so a view in here is the store's. The task's processor empties it whenever it is
 * (re)initialized, after a rebalance or an aborted transaction, when the store may have been restored.
 */
final class RecentViews {

    private final Map<String, OrderView> views;

    RecentViews(int capacity) {
        this.views = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OrderView> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The order's view: from here when it is, else from the store (and then kept); null for an unknown order. */
    OrderView get(String orderId, Function<String, OrderView> store) {
        OrderView view = views.get(orderId);
        if (view == null) {
            view = store.apply(orderId);
            if (view != null) {
                views.put(orderId, view);
            }
        }
        return view;
    }

    /** What was just written to the store. */
    void put(OrderView view) {
        views.put(view.orderId(), view);
    }

    void clear() {
        views.clear();
    }

    int size() {
        return views.size();
    }
}
