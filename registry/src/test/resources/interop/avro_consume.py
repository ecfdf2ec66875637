#!/usr/bin/python3
"""Reads Avro records with Confluent's own deserializer (confluent_kafka.avro MessageSerializer).

Usage: avro_consume.py <bootstrap-servers> <registry-url> <topic> <count>

Consumes <count> records from the beginning of <topic>; keys are plain UTF-8 (as newsflow's),
values are decoded by Confluent's MessageSerializer with the legacy CachedSchemaRegistryClient
(the same decoding AvroConsumer does for values). Prints one JSON object per record: key,
value (timestamps as epoch milliseconds, bytes as hex). Exits 1 if <count> records do not
arrive within 60 seconds.
"""
import datetime
import json
import sys
import time
import uuid

from confluent_kafka import Consumer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def plain(value):
    if isinstance(value, datetime.datetime):
        return int(value.timestamp() * 1000)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main(bootstrap, registry_url, topic, count):
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "interop-" + str(uuid.uuid4()),
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([topic])
    received = 0
    deadline = time.time() + 60
    try:
        while received < count and time.time() < deadline:
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                print("consumer error: %s" % msg.error(), file=sys.stderr)
                continue
            value = serializer.decode_message(msg.value())
            key = msg.key().decode("utf-8") if msg.key() is not None else None
            print(json.dumps({"key": key, "value": plain(value)}, ensure_ascii=False), flush=True)
            received += 1
    finally:
        consumer.close()
    if received < count:
        print("only %d of %d records arrived" % (received, count), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
