package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.stock.ReserveRequest;
import dev.orderflow.sandbox.stock.StockService;
import java.util.List;
import java.util.Map;

/** The stock API's endpoints. */
final class StockRoutes {

    private StockRoutes() {
    }

    static List<Route> of(StockService stock) {
        return List.of(
                Route.provider("POST", "/stock/reservations", Operation.STOCK_RESERVE, (request, business) ->
                        Responses.creation(stock.reserve(request.idempotencyKey(),
                                request.body(ReserveRequest.class), business))),
                Route.provider("GET", "/stock/reservations/by-key/{key}", Operation.STOCK_STATUS, (request, b) ->
                        ApiResponse.ok(stock.statusByKey(request.pathParam("key")))),
                Route.provider("GET", "/stock/reservations/{id}", Operation.STOCK_STATUS, (request, b) ->
                        ApiResponse.ok(stock.reservation(request.pathParam("id")))),
                Route.provider("POST", "/stock/reservations/{id}/release", Operation.STOCK_RELEASE, (request, b) ->
                        ApiResponse.ok(stock.release(request.pathParam("id")))),
                Route.provider("POST", "/stock/reservations/{id}/commit", Operation.STOCK_COMMIT, (request, b) ->
                        ApiResponse.ok(stock.commit(request.pathParam("id")))),
                Route.control("GET", "/stock/items", (request, b) ->
                        ApiResponse.ok(Map.of("items", stock.levels()))),
                Route.control("GET", "/stock/items/{sku}", (request, b) ->
                        ApiResponse.ok(stock.level(request.pathParam("sku")))));
    }
}
