/** The fulfillment provider over HTTP. */
package dev.orderflow.shipping.adapter.http;
