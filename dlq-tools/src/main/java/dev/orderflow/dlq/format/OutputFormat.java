package dev.orderflow.dlq.format;

/** How results are printed: aligned text for people, a JSON document or JSON Lines for tools. */
public enum OutputFormat {
    table, json, jsonl
}
