/**
 * Authorizes payments at the gateway, holds ambiguous outcomes as pending until they are known, and triggers compensation on decline (DESIGN.md section 1, payment column).
 */
package dev.orderflow.payment;
