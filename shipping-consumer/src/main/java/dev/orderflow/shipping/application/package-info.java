/** The shipping stage's use cases: the handler, acceptance (DESIGN.md §1's shipping column), progress tracking. */
package dev.orderflow.shipping.application;
