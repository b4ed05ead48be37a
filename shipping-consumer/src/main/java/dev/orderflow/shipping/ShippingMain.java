package dev.orderflow.shipping;

import dev.orderflow.runtime.service.StageServiceCommand;

/** {@code java -jar shipping-consumer.jar --config shipping.properties}; see README.md. */
public final class ShippingMain {

    private ShippingMain() {
    }

    public static void main(String[] args) {
        System.exit(StageServiceCommand.run(new ShippingService(), args));
    }
}
