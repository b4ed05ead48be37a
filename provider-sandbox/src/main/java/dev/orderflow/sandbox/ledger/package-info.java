/** The ledger of every provider side effect and the audit of DESIGN.md §4 computed from it. */
package dev.orderflow.sandbox.ledger;
