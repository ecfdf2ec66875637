"""Parses feed files with feedparser (and validates JSON Feed files against the JSON Feed 1.1
schema) and prints one JSON object per file, for the syndicate interop tests to assert on.

usage: check_feeds.py SCHEMA_FILE FEED_FILE...
"""
import json
import sys

import feedparser
import jsonschema


def text(value):
    return None if value is None else str(value)


def parse_xml(path):
    with open(path, "rb") as handle:
        parsed = feedparser.parse(handle.read())
    entries = []
    for entry in parsed.entries:
        entries.append({
            "id": text(entry.get("id")),
            "title": text(entry.get("title")),
            "link": text(entry.get("link")),
            "published": text(entry.get("published")),
            "published_parsed": list(entry.get("published_parsed") or [])[:6],
            "updated": text(entry.get("updated")),
            "author": text(entry.get("author")),
            "summary": text(entry.get("summary")),
            "content": [text(c.get("value")) for c in entry.get("content", [])],
            "media_content": [text(m.get("url")) for m in entry.get("media_content", [])],
            "media_credit": [{"role": text(c.get("role")), "content": text(c.get("content"))}
                             for c in entry.get("media_credit", [])],
            "media_description": text(entry.get("media_description")),
            "tags": [text(t.get("term")) for t in entry.get("tags", [])],
            "guidislink": entry.get("guidislink"),
        })
    links = [{"rel": text(l.get("rel")), "href": text(l.get("href"))} for l in parsed.feed.get("links", [])]
    return {
        "bozo": int(parsed.bozo),
        "bozo_exception": text(parsed.get("bozo_exception")),
        "version": text(parsed.get("version")),
        "encoding": text(parsed.get("encoding")),
        "title": text(parsed.feed.get("title")),
        "links": links,
        "entries": entries,
    }


def check_json(path, schema):
    with open(path, "rb") as handle:
        document = json.loads(handle.read().decode("utf-8"))
    errors = sorted(e.message for e in jsonschema.Draft7Validator(schema).iter_errors(document))
    return {"schema_errors": errors, "items": len(document.get("items", []))}


def main():
    with open(sys.argv[1], "rb") as handle:
        schema = json.loads(handle.read().decode("utf-8"))
    results = {}
    for path in sys.argv[2:]:
        if path.endswith(".json"):
            results[path] = check_json(path, schema)
        else:
            results[path] = parse_xml(path)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
