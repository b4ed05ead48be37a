package dev.orderflow.schemas.registry;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Flow;

/** A registry stand-in: records every request and answers with the replies queued by the test, in order. */
final class RecordingTransport implements SchemaRegistrar.Transport {

    final List<HttpRequest> requests = new ArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();

    RecordingTransport answer(int status, String body) {
        replies.add(new Reply(status, body));
        return this;
    }

    @Override
    public Reply send(HttpRequest request) {
        requests.add(request);
        if (replies.isEmpty()) {
            throw new AssertionError("unexpected request " + request.method() + " " + request.uri());
        }
        return replies.poll();
    }

    /** The body a request would send, read from its publisher without any network. */
    static String bodyOf(HttpRequest request) {
        var publisher = request.bodyPublisher().orElseThrow();
        var chunks = new StringBuilder();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                chunks.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                throw new AssertionError(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        return chunks.toString();
    }
}
