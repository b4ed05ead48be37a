/** The stock provider over HTTP. */
package dev.orderflow.inventory.adapter.http;
