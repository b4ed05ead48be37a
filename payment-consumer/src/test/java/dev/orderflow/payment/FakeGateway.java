package dev.orderflow.payment;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.provider.ProviderCallException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A scripted gateway: each call takes the next scripted answer (or the default) and is recorded. */
final class FakeGateway implements PaymentGateway {

    final Deque<Supplier<Authorization>> authorizeAnswers = new ArrayDeque<>();
    final Deque<Supplier<Optional<KeyStatus>>> statusAnswers = new ArrayDeque<>();
    final Deque<Supplier<Authorization>> voidAnswers = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();

    static Supplier<Authorization> ok(String id) {
        return () -> new Authorization(id, "AUTHORIZED");
    }

    static <T> Supplier<T> fail(FailureCategory category) {
        return () -> {
            throw new ClassifiedException(category, category + " failure");
        };
    }

    static Supplier<Authorization> declined(String reason) {
        return () -> {
            throw new ProviderCallException(FailureCategory.BUSINESS, "payment.authorize", 422, reason, "declined",
                    null, null);
        };
    }

    static Supplier<Optional<KeyStatus>> statusSucceeded(String id) {
        return () -> Optional.of(new KeyStatus("SUCCEEDED", new Authorization(id, "AUTHORIZED"), null, null, 1));
    }

    static Supplier<Optional<KeyStatus>> statusRejected(String reason) {
        return () -> Optional.of(new KeyStatus("REJECTED", null, reason, "declined", 1));
    }

    static Supplier<Optional<KeyStatus>> statusUnknown() {
        return Optional::empty;
    }

    @Override
    public Authorization authorize(String key, AuthorizationRequest request, Duration timeout) {
        calls.add("authorize " + key);
        return next(authorizeAnswers, ok("auth-1"));
    }

    @Override
    public Optional<KeyStatus> statusByKey(String key, Duration timeout) {
        calls.add("status " + key);
        return next(statusAnswers, statusUnknown());
    }

    @Override
    public Authorization voidAuthorization(String id, String reason, Duration timeout) {
        calls.add("void " + id);
        return next(voidAnswers, () -> new Authorization(id, "VOIDED"));
    }

    private static <T> T next(Deque<Supplier<T>> answers, Supplier<T> fallback) {
        Supplier<T> answer = answers.poll();
        return (answer == null ? fallback : answer).get();
    }
}
