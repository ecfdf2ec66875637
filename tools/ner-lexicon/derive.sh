#!/usr/bin/env bash
# Derives enrich/src/main/resources/ner/lexicon.tsv.gz (Brown clusters + gazetteer bits) from
# edu.emory.mathcs.nlp:nlp4j-english:1.1.3 (Apache-2.0). Run by hand, once, when the lexicon is to be
# rebuilt: it downloads the 261 MB jar (and nlp4j-api, xz) from Maven Central into a temporary directory
# with its own local repository, so nothing lands in ~/.m2, and deletes it at the end. The normal build
# never runs this; it reads the committed file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/enrich/src/main/resources/ner/lexicon.tsv.gz}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fetch() {
  mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$tmp/jars" -Dmaven.repo.local="$tmp/m2" -Dtransitive=false
}
fetch edu.emory.mathcs.nlp:nlp4j-english:1.1.3
fetch edu.emory.mathcs.nlp:nlp4j-api:1.1.3   # the gazetteer's serialised tree classes
fetch org.tukaani:xz:1.5                     # the lexica are xz-compressed

(cd "$tmp" && unzip -q -o jars/nlp4j-english-1.1.3.jar \
  'edu/emory/mathcs/nlp/lexica/en-brown-clusters-simplified-lowercase.xz' \
  'edu/emory/mathcs/nlp/lexica/en-named-entity-gazetteers-simplified.xz')
java -Xmx6g -cp "$tmp/jars/nlp4j-api-1.1.3.jar:$tmp/jars/xz-1.5.jar" "$here/DeriveNerLexicon.java" \
  "$tmp/edu/emory/mathcs/nlp/lexica" "$out"
sha256sum "$out"
