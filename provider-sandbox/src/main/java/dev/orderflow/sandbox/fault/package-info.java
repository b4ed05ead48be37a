/**
 * Fault injection: per-operation settings ({@link dev.orderflow.sandbox.fault.FaultSpec}), named seeded profiles
 * and the {@link dev.orderflow.sandbox.fault.FaultInjector} that decides, reproducibly, what each call meets.
 */
package dev.orderflow.sandbox.fault;
