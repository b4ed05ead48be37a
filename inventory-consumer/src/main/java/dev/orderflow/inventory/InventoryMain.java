package dev.orderflow.inventory;

import dev.orderflow.runtime.service.StageServiceCommand;

/** {@code java -jar inventory-consumer.jar --config inventory.properties}; see README.md. */
public final class InventoryMain {

    private InventoryMain() {
    }

    public static void main(String[] args) {
        System.exit(StageServiceCommand.run(new InventoryService(), args));
    }
}
