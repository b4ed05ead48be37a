/** The inventory stage's use cases: the handler, the steps of DESIGN.md §1's inventory column, the stock port. */
package dev.orderflow.inventory.application;
