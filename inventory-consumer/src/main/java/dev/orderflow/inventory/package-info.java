/**
 * Reserves, releases and commits stock at the stock provider in reaction to order events (DESIGN.md section 1, inventory column).
 */
package dev.orderflow.inventory;
