/** The warehouse stock API: reservations that never take available stock below zero. */
package dev.orderflow.sandbox.stock;
