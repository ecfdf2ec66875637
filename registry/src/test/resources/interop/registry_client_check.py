#!/usr/bin/python3
"""Drives newsflow's schema registry with Confluent's own Python clients (python3-confluent-kafka).

Usage: registry_client_check.py <registry-url> <subject-prefix>

Uses both clients Confluent ships in confluent-kafka 1.7: the current
confluent_kafka.schema_registry.SchemaRegistryClient and the legacy
confluent_kafka.avro.CachedSchemaRegistryClient. Every step checks what Confluent's client
got back; the first mismatch exits with status 1 and says which step. On success, prints
one JSON object with what the clients saw, for the JUnit test to compare with the registry.
"""
import json
import sys

from confluent_kafka.avro import CachedSchemaRegistryClient, loads
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

V1 = json.dumps({"type": "record", "name": "Story", "namespace": "interop",
                 "fields": [{"name": "headline", "type": "string"}]})
V2 = json.dumps({"type": "record", "name": "Story", "namespace": "interop",
                 "fields": [{"name": "headline", "type": "string"},
                            {"name": "section", "type": "string", "default": "News"}]})
V3_BREAKING = json.dumps({"type": "record", "name": "Story", "namespace": "interop",
                          "fields": [{"name": "headline", "type": "string"},
                                     {"name": "wordCount", "type": "int"}]})


def check(condition, step, detail=""):
    if not condition:
        print("FAILED at %s %s" % (step, detail), file=sys.stderr)
        sys.exit(1)


def expect_error(step, call, http_status, error_code=None):
    try:
        call()
    except SchemaRegistryError as e:
        check(e.http_status_code == http_status, step, "http status %s" % e.http_status_code)
        if error_code is not None:
            check(e.error_code == error_code, step, "error_code %s: %s" % (e.error_code, e.error_message))
        return e
    check(False, step, "no error raised")


def main(url, prefix):
    seen = {}
    client = SchemaRegistryClient({"url": url})
    subject = prefix + "-story-value"

    id1 = client.register_schema(subject, Schema(V1, "AVRO"))
    check(client.register_schema(subject, Schema(V1, "AVRO")) == id1, "register is idempotent")
    id2 = client.register_schema(subject, Schema(V2, "AVRO"))
    check(id2 != id1, "a new schema gets a new id")
    seen["id1"], seen["id2"] = id1, id2

    found = client.lookup_schema(subject, Schema(V2, "AVRO"))
    check(found.schema_id == id2 and found.version == 2 and found.subject == subject, "lookup_schema")
    check(json.loads(client.get_schema(id1).schema_str) == json.loads(V1), "get_schema by id")
    check(client.get_schema(id1).schema_type == "AVRO", "a missing schemaType reads as AVRO")
    version1 = client.get_version(subject, 1)
    check(version1.schema_id == id1 and version1.version == 1, "get_version")
    latest = client.get_latest_version(subject)
    check(latest.schema_id == id2 and latest.version == 2, "get_latest_version")
    check(client.get_versions(subject) == [1, 2], "get_versions", str(client.get_versions(subject)))
    check(subject in client.get_subjects(), "get_subjects")

    check(client.set_compatibility(subject_name=subject, level="backward_transitive")
          == {"compatibility": "BACKWARD_TRANSITIVE"}, "set_compatibility (subject)")
    check(client.get_compatibility(subject) == "BACKWARD_TRANSITIVE", "get_compatibility (subject)")
    check(client.set_compatibility(level="FULL") == {"compatibility": "FULL"}, "set_compatibility (global)")
    check(client.get_compatibility() == "FULL", "get_compatibility (global)")
    client.set_compatibility(level="BACKWARD")

    check(client.test_compatibility(subject, Schema(V2, "AVRO")) is True, "test_compatibility compatible")
    check(client.test_compatibility(subject, Schema(V3_BREAKING, "AVRO")) is False, "test_compatibility incompatible")
    check(client.test_compatibility(subject, Schema(V3_BREAKING, "AVRO"), version=1) is False,
          "test_compatibility against version 1")
    conflict = expect_error("register an incompatible schema",
                            lambda: client.register_schema(subject, Schema(V3_BREAKING, "AVRO")), 409)
    seen["incompatible_message"] = conflict.error_message
    expect_error("unknown id", lambda: SchemaRegistryClient({"url": url}).get_schema(987654321), 404, 40403)
    expect_error("unknown subject", lambda: client.get_latest_version(prefix + "-nobody"), 404, 40401)
    expect_error("unknown version", lambda: client.get_version(subject, 42), 404, 40402)
    expect_error("invalid schema", lambda: client.register_schema(subject, Schema('{"type": "nope"}', "AVRO")),
                 422, 42201)

    # The legacy client, used by confluent_kafka.avro's AvroProducer / AvroConsumer.
    legacy = CachedSchemaRegistryClient({"url": url})
    legacy_subject = prefix + "-legacy-value"
    legacy_id = legacy.register(legacy_subject, loads(V1))
    check(legacy_id == id1, "legacy register finds the same id for the same schema")
    check(legacy.get_by_id(id2).to_json() == loads(V2).to_json(), "legacy get_by_id")
    schema_id, _, version = legacy.get_latest_schema(subject)
    check(schema_id == id2 and version == 2, "legacy get_latest_schema")
    check(legacy.get_version(subject, loads(V1)) == 1, "legacy get_version")
    check(legacy.test_compatibility(subject, loads(V2)) is True, "legacy test_compatibility")
    check(legacy.test_compatibility(subject, loads(V3_BREAKING)) is False, "legacy test_compatibility false")
    legacy.update_compatibility("FORWARD", legacy_subject)
    check(legacy.get_compatibility(legacy_subject) == "FORWARD", "legacy update/get_compatibility")

    # Deletes: soft (version, then subject), then permanent.
    check(client.delete_version(subject, 1) == 1, "delete_version")
    check(client.get_versions(subject) == [2], "versions after delete_version")
    check(client.delete_subject(subject, permanent=True) == [2], "delete_subject permanent")
    check(subject not in client.get_subjects(), "subject gone after permanent delete")
    expect_error("deleted subject", lambda: client.get_versions(subject), 404, 40401)

    print(json.dumps(seen))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
