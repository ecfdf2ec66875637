#!/usr/bin/python3
"""Writes Avro records with Confluent's own serializer (confluent_kafka.avro.AvroProducer).

Usage: avro_produce.py <bootstrap-servers> <registry-url> <topic> <schema-file> <count>

Each record follows the schema in <schema-file> (newsflow's DeadLetter): the producer
registers the schema under <topic>-value and writes magic byte, id and Avro body, as
Confluent's serializer does. Prints the number of records Kafka acknowledged.
"""
import datetime
import sys

from confluent_kafka.avro import AvroProducer, loads


def main(bootstrap, registry_url, topic, schema_file, count):
    with open(schema_file, encoding="utf-8") as f:
        schema = loads(f.read())
    producer = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": registry_url,
                             "acks": "all", "enable.idempotence": True}, default_value_schema=schema)
    acknowledged = []
    failures = []

    def delivered(err, msg):
        (failures if err else acknowledged).append(err or msg.offset())

    for i in range(count):
        producer.produce(topic=topic, value={
            "service": "python",
            "stage": "interop-%d" % i,
            "sourceTopic": "written-by-confluent",
            "sourcePartition": i,
            "sourceOffset": 1000 + i,
            "errorClass": "ValueError",
            "errorMessage": "caf\u00e9 \u2014 record %d" % i,
            "failedAt": datetime.datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc),
            "key": None,
            "value": bytes([0, 1, 2, 255]),
        }, on_delivery=delivered)
    producer.flush(30)
    if failures or len(acknowledged) != count:
        print("delivery failed: %s" % failures, file=sys.stderr)
        sys.exit(1)
    print(len(acknowledged))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
