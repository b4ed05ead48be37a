package dev.orderflow.shipping.adapter.feed;

import java.util.List;

/** One read of the feed: its events, oldest first, and the {@code after} to read the next page with. */
record FeedPage(List<FeedStep> steps, long nextAfter) {

    FeedPage {
        steps = List.copyOf(steps);
    }
}
