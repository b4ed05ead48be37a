package dev.orderflow.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sandbox.AdjustableClock;
import dev.orderflow.sandbox.fault.FaultInjector;
import dev.orderflow.sandbox.fault.FaultProfile;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Requests;
import dev.orderflow.sandbox.stock.StockService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steering the sandbox at run time: fault settings, stock levels, the clock. Never faulted. */
final class AdminRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

    /** Body of {@code PUT /admin/stock/{sku}}. */
    record StockUpdate(Integer available) {
    }

    /** Body of {@code POST /admin/clock/advance}: an ISO-8601 duration such as {@code PT25H}. */
    record ClockAdvance(Duration by) {
    }

    private AdminRoutes() {
    }

    static List<Route> of(FaultInjector faults, StockService stock, AdjustableClock clock, ObjectMapper mapper) {
        return List.of(
                Route.control("GET", "/admin/faults", (request, b) ->
                        ApiResponse.ok(FaultSettings.View.of(faults.profile()))),
                Route.control("PUT", "/admin/faults", (request, b) -> {
                    FaultSettings.Update update = request.strictBody(FaultSettings.Update.class);
                    FaultProfile installed = FaultSettings.apply(update, faults.profile(), mapper);
                    faults.install(installed);
                    LOG.info("Fault profile now {} (seed {}), overridden: {}", installed.name(), installed.seed(),
                            installed.overridden());
                    return ApiResponse.ok(FaultSettings.View.of(installed));
                }),
                Route.control("PUT", "/admin/stock/{sku}", (request, b) -> {
                    StockUpdate update = request.strictBody(StockUpdate.class);
                    return ApiResponse.ok(stock.setAvailable(request.pathParam("sku"),
                            Requests.requirePresent("available", update.available())));
                }),
                Route.control("GET", "/admin/clock", (request, b) -> ApiResponse.ok(clockView(clock))),
                Route.control("POST", "/admin/clock/advance", (request, b) -> {
                    Duration by = Requests.requirePresent("by", request.strictBody(ClockAdvance.class).by());
                    if (by.isNegative()) {
                        throw ProviderException.invalidRequest("Field by must not be negative: time only moves on");
                    }
                    clock.advance(by);
                    LOG.info("Clock advanced by {}, offset now {}", by, clock.offset());
                    return ApiResponse.ok(clockView(clock));
                }));
    }

    private static Map<String, Object> clockView(AdjustableClock clock) {
        return Map.of("now", clock.instant(), "offset", clock.offset());
    }
}
