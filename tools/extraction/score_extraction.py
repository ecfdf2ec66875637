#!/usr/bin/env python3
"""Score newsflow's main-text extraction (ingest's HtmlNormaliser) against pages with expected snippets.

Usage, from the project root:  tools/extraction/score_extraction.py DATA_DIR [--jar app/target/newsflow.jar]

DATA_DIR holds expected.json ({url: {"file": "<name>.html.gz", "with": [...], "without": [...]}}) and pages/
(gzipped HTML). Every page is read by `newsflow enrich-file --input-format html --output record` in one JVM;
its body paragraphs must contain each "with" snippet (main text) and none of the "without" snippets (navigation,
related links, image credits, comments, footers). Snippets and body are compared after NFKC, lower case and
whitespace folding. recall = "with" snippets found / all; precision = "without" snippets kept out / all;
F1 their harmonic mean. A page the CLI refuses counts as all its "with" snippets missed (and its "without"
snippets kept out). The same measure as the project's score_extraction_dev.py, which reads enrich-file's output
from before it printed the partner's JSON Feed item by default.
"""
import argparse, gzip, json, os, re, subprocess, sys, tempfile, unicodedata

ap = argparse.ArgumentParser()
ap.add_argument("data")
ap.add_argument("--jar", default=os.path.join("app", "target", "newsflow.jar"))
ap.add_argument("--worst", type=int, default=15, help="pages with the most misses to list")
args = ap.parse_args()


def fold(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


expected = json.load(open(os.path.join(args.data, "expected.json"), encoding="utf-8"))
work = tempfile.mkdtemp(prefix="extraction-")
pages = []
for url, e in expected.items():
    name = e["file"][:-3] if e["file"].endswith(".gz") else e["file"]
    path = os.path.join(work, name)
    with gzip.open(os.path.join(args.data, "pages", e["file"])) as f, open(path, "wb") as g:
        g.write(f.read())
    pages.append((url, e, path))

cmd = ["java", "-Xmx512m", "-jar", args.jar, "enrich-file", "--input-format", "html", "--output", "record"]
run = subprocess.run(cmd + [p for _, _, p in pages], capture_output=True, text=True, timeout=3600)
# One line per page read, in order; a refused page prints "<file>: <why>" on stderr and nothing on stdout.
refusals = {}
for line in run.stderr.splitlines():
    for _, _, path in pages:
        if line.startswith(path + ":"):
            refusals[path] = line[len(path) + 1:].strip()
docs = iter(json.loads(l) for l in run.stdout.splitlines() if l.startswith("{"))

found = missed = kept_out = kept_in = refused = 0
rows = []
for url, e, path in pages:
    if path in refusals:
        refused += 1
        missed += len(e["with"])
        kept_out += len(e["without"])
        rows.append((len(e["with"]), url, "refused: " + refusals[path]))
        continue
    body = fold("\n".join(next(docs).get("body") or []))
    miss = [s for s in e["with"] if fold(s) not in body]
    kept = [s for s in e["without"] if fold(s) in body]
    found += len(e["with"]) - len(miss)
    missed += len(miss)
    kept_in += len(kept)
    kept_out += len(e["without"]) - len(kept)
    if miss or kept:
        rows.append((len(miss) + len(kept), url, f"missed {miss[:2]} kept {kept[:2]}"))

for _, url, why in sorted(rows, reverse=True)[:args.worst]:
    print(f"  {url}: {why[:200]}")
precision = kept_out / (kept_out + kept_in) if kept_out + kept_in else 0
recall = found / (found + missed) if found + missed else 0
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
print(f"{len(pages)} pages, {refused} refused; recall {recall:.3f} (with-snippets found), "
      f"precision {precision:.3f} (without-snippets kept out), F1 {f1:.3f}")
