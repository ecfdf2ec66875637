"""Validates feed documents with the W3C Feed Validation Service's own code and prints, for each, the
errors and warnings it reports, as one JSON object keyed by file path, for the syndicate tests to assert on.

usage: validate_feeds.py VALIDATOR_DIR JOBS_FILE
  VALIDATOR_DIR  the directory holding the validator's `feedvalidator` package
  JOBS_FILE      JSON: [{"path": FILE, "base": URL, "contentType": TYPE or null}, ...]; base is the URL the
                 document was (or would be) fetched from, which the validator compares with rel="self";
                 contentType, when given, is checked against the document the way the service checks a
                 served feed's Content-Type.
Prints {"<path>": {"feedType": N, "errors": [...], "warnings": [...]}, ...}; each event has its class
name, line, column and the validator's own message.
"""
import io
import json
import sys

sys.path.insert(0, sys.argv[1])

import feedvalidator  # noqa: E402
from feedvalidator.formatter.text_plain import Formatter  # noqa: E402
from feedvalidator.logging import Error, Warning  # noqa: E402


def describe(event):
    [message] = list(Formatter([event]))
    return {
        "type": type(event).__name__,
        "line": event.params.get("line"),
        "column": event.params.get("column"),
        "message": message,
    }


def validate(job):
    with open(job["path"], "rb") as handle:
        body = handle.read()
    content_type = job.get("contentType")
    if content_type and len(body) <= feedvalidator.MAXDATALENGTH:
        result = feedvalidator.validateStream(io.BytesIO(body), firstOccurrenceOnly=0,
                                              contentType=content_type, base=job["base"])
    else:
        # The service refuses documents over 5 MB; its checks of the text itself have no such limit.
        result = feedvalidator.validateString(body, firstOccurrenceOnly=0, base=job["base"])
    events = result["loggedEvents"]
    return {
        "feedType": result.get("feedType"),
        "errors": [describe(e) for e in events if isinstance(e, Error)],
        "warnings": [describe(e) for e in events if isinstance(e, Warning)],
    }


def main():
    with open(sys.argv[2], "rb") as handle:
        jobs = json.loads(handle.read().decode("utf-8"))
    json.dump({job["path"]: validate(job) for job in jobs}, sys.stdout)


if __name__ == "__main__":
    main()
