package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.fulfillment.FulfillmentService;
import dev.orderflow.sandbox.fulfillment.ShipmentRequest;
import dev.orderflow.sandbox.outcome.ProviderException;
import java.util.List;

/** The fulfillment API's endpoints. */
final class FulfillmentRoutes {

    static final int MAX_PAGE = 1000;

    private FulfillmentRoutes() {
    }

    static List<Route> of(FulfillmentService fulfillment) {
        return List.of(
                Route.provider("POST", "/fulfillment/shipments", Operation.FULFILLMENT_ACCEPT, (request, business) ->
                        Responses.creation(fulfillment.accept(request.idempotencyKey(),
                                request.body(ShipmentRequest.class), business))),
                Route.provider("GET", "/fulfillment/shipments/by-key/{key}", Operation.FULFILLMENT_STATUS, (r, b) ->
                        ApiResponse.ok(fulfillment.statusByKey(r.pathParam("key")))),
                Route.provider("GET", "/fulfillment/shipments/{id}", Operation.FULFILLMENT_STATUS, (r, b) ->
                        ApiResponse.ok(fulfillment.shipment(r.pathParam("id")))),
                Route.provider("GET", "/fulfillment/events", Operation.FULFILLMENT_EVENTS, (r, b) -> {
                    long after = r.queryLong("after", 0);
                    long limit = r.queryLong("limit", 100);
                    if (after < 0 || limit < 1 || limit > MAX_PAGE) {
                        throw ProviderException.invalidRequest("after must be >= 0 and limit 1.." + MAX_PAGE);
                    }
                    return ApiResponse.ok(fulfillment.events(after, (int) limit));
                }));
    }
}
