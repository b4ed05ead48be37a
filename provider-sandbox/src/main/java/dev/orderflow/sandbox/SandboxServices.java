package dev.orderflow.sandbox;

import dev.orderflow.sandbox.fault.FaultInjector;
import dev.orderflow.sandbox.fulfillment.FulfillmentService;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.payment.PaymentGateway;
import dev.orderflow.sandbox.stock.StockService;

/**
 * The providers and their shared parts, built from a config: what the HTTP server serves.
 *
 * @param clock       the one clock every provider reads
 * @param ledger      the shared ledger of side effects
 * @param faults      fault decisions for every call
 * @param stock       the stock API
 * @param payment     the payment gateway
 * @param fulfillment the fulfillment API
 */
public record SandboxServices(AdjustableClock clock, Ledger ledger, FaultInjector faults, StockService stock,
                              PaymentGateway payment, FulfillmentService fulfillment) {

    public static SandboxServices from(SandboxConfig config) {
        AdjustableClock clock = new AdjustableClock(config.clock());
        Ledger ledger = new Ledger();
        return new SandboxServices(clock, ledger, new FaultInjector(config.faultProfile()),
                new StockService(clock, ledger, config.reservationTtl(), config.initialStock()),
                new PaymentGateway(clock, ledger, config.paymentKeyRetention()),
                new FulfillmentService(clock, ledger, config.fulfillmentStepInterval(),
                        config.supportedCountries()));
    }
}
