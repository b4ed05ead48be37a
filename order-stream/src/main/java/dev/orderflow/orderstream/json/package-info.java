/** The one JSON mapping of order views: state topic, store and HTTP API. */
package dev.orderflow.orderstream.json;
