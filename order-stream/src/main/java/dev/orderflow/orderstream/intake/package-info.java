/**
 * The order intake API, {@code POST /orders}: validates an order request, records its idempotency key and the
 * {@code OrderPlaced} event in the outbox in one PostgreSQL transaction, and answers 202 with the order's
 * location. Public surface: {@link dev.orderflow.orderstream.intake.OrderIntakeHandler} (mount it),
 * {@link dev.orderflow.orderstream.intake.IntakeSettings} and {@link dev.orderflow.orderstream.intake.OrderIntake}
 * (its migrations location); everything else is package-private.
 */
package dev.orderflow.orderstream.intake;
