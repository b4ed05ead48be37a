#!/bin/bash
# Creates the platform's topics before any service starts: every order topic with the same partition count (so
# order-stream needs no repartitioning), each consumer's dead-letter and replay topics, the compacted state topic
# and the audit log. Idempotent (--if-not-exists).
set -euo pipefail
BOOTSTRAP=${BOOTSTRAP:-kafka:9092}
PARTITIONS=${PARTITIONS:-6}
topics=/opt/kafka/bin/kafka-topics.sh
create() { "$topics" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" --partitions "$2" "${@:3}"; }
for t in orders order.inventory order.payment order.shipping fulfillment.feed order.commands order.exceptions; do
  create "$t" "$PARTITIONS"
done
create order.state "$PARTITIONS" --config cleanup.policy=compact
for c in inventory-consumer payment-consumer shipping-consumer; do
  create "$c.dlq" "$PARTITIONS"
  create "$c.replay" "$PARTITIONS"
done
create order-stream.dlq "$PARTITIONS"
create orderflow.audit 1
