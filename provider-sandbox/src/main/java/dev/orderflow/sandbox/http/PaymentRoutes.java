package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.payment.AuthorizeRequest;
import dev.orderflow.sandbox.payment.PaymentGateway;
import java.util.List;

/** The payment gateway's endpoints. */
final class PaymentRoutes {

    /** Optional body of void and refund. */
    record ReasonBody(String reason) {
    }

    private PaymentRoutes() {
    }

    static List<Route> of(PaymentGateway gateway) {
        return List.of(
                Route.provider("POST", "/payments/authorizations", Operation.PAYMENT_AUTHORIZE, (request, business) ->
                        Responses.creation(gateway.authorize(request.idempotencyKey(),
                                request.body(AuthorizeRequest.class), business))),
                Route.provider("GET", "/payments/authorizations/by-key/{key}", Operation.PAYMENT_STATUS, (r, b) ->
                        ApiResponse.ok(gateway.statusByKey(r.pathParam("key")))),
                Route.provider("GET", "/payments/authorizations/{id}", Operation.PAYMENT_STATUS, (r, b) ->
                        ApiResponse.ok(gateway.authorization(r.pathParam("id")))),
                Route.provider("POST", "/payments/authorizations/{id}/void", Operation.PAYMENT_VOID, (r, b) ->
                        ApiResponse.ok(gateway.voidAuthorization(r.pathParam("id"), reason(r)))),
                Route.provider("POST", "/payments/authorizations/{id}/refund", Operation.PAYMENT_REFUND, (r, b) ->
                        ApiResponse.ok(gateway.refund(r.pathParam("id"), reason(r)))));
    }

    private static String reason(ApiRequest request) {
        return request.optionalBody(ReasonBody.class).map(ReasonBody::reason).orElse(null);
    }
}
