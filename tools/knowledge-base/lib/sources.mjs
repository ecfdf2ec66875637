// Readers of the entity lists that grow the knowledge base for linking: OpenStreetMap's
// name-suggestion-index organisations, EveryPolitician's legislators and the links of Wikipedia's
// "Portal:Current events" summaries. Each returns plain rows in the order of its file, so the build
// stays deterministic.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

function readGzipTsv(file) {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l.length > 0);
  const header = lines.shift().split('\t');
  return lines.map((line) => {
    const f = line.split('\t');
    const row = {};
    header.forEach((h, i) => { row[h] = f[i] ?? ''; });
    return row;
  });
}

const splitPipes = (text) => (text || '').split('|').map((s) => s.trim()).filter(Boolean);

// A label or alias worth keeping for English news: Latin letters, no OSM template braces.
export const latinName = (s) => /\p{Script=Latin}/u.test(s) && !/[{}]/.test(s) && !/[\p{Script=Han}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Greek}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Georgian}\p{Script=Hebrew}\p{Script=Armenian}\p{Script=Devanagari}]/u.test(s);

/** nsi_organisations.tsv.gz: qid, label, aliases, type (ORG | FLAG_SUBJECT), roles, item count, paths. */
export function readNsi(dir) {
  return readGzipTsv(join(dir, 'nsi-organisations', 'nsi_organisations.tsv.gz')).map((r) => ({
    qid: r.qid,
    label: r.label,
    aliases: splitPipes(r.aliases),
    type: r.type,
    roles: splitPipes(r.nsi_roles.replace(/,/g, '|')),
    itemCount: Number(r.nsi_item_count) || 1,
    paths: splitPipes(r.nsi_paths),
  }));
}

/** politicians.tsv.gz: qid, name, English aliases, country code, legislature, party QID. */
export function readEveryPolitician(dir) {
  return readGzipTsv(join(dir, 'everypolitician-persons', 'politicians.tsv.gz')).map((r) => {
    const aliases = splitPipes(r.aliases_en).map(cleanPersonName).filter(Boolean);
    return {
      qid: r.qid,
      name: personName(r.name, aliases),
      aliases,
      country: r.country_code,
      legislatures: splitPipes(r.legislature),
      party: r.party_qid,
    };
  });
}

// Footnote marks and bracketed notes are not part of a name: "Kim Jong-un[14]", "Benno Zierer (CSU)",
// "Janez (Ivan) Janša", "Hanna Serwaah Tetteh (Ms)".
function cleanPersonName(name) {
  return name.replace(/\[[^\]]*\]/g, ' ').replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

// Some legislatures list "SURNAME Given" ("BERSANI Pier Luigi"): the English alias, when there is
// one, is the name as news writes it; otherwise the capitals are only lowered, keeping the order
// (which is right for Chinese names such as "LEUNG Kwok-hung").
function personName(raw, aliases) {
  const name = cleanPersonName(raw);
  if (!latinName(name) && aliases.some(latinName)) return aliases.find(latinName);
  if (!/^\p{Lu}[\p{Lu}'’-]+ /u.test(name)) return name;
  if (aliases.length > 0) return aliases[0];
  return name.split(' ').map((w) => (/^\p{Lu}[\p{Lu}'’-]+$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w)).join(' ');
}

/** current_events.jsonl: one summary per line with its Wikipedia links (offsets and page titles). */
export function readCurrentEvents(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((line) => {
    const r = JSON.parse(line);
    return {
      text: r.text,
      links: (r.links || []).map((l) => ({ title: l.wikipedia_title, anchor: r.text.slice(l.start, l.end) })),
    };
  });
}

/**
 * What kind of organisation an NSI row is, from the OSM features it names: the sector is a fact for
 * linking context and for topic evidence; the kind is the coarse class the enrich module already
 * uses (company, gov, health, transport).
 */
export function nsiSector(paths) {
  // Each OSM feature a row names votes for a sector; the most votes win, ties in the order below.
  // What a brand sells counts three times what an operator also runs (Target's power generators).
  const votes = new Map();
  for (const p of paths) {
    const tag = p.split('/').slice(1).join('/');
    const sector = sectorOf(tag);
    const weight = (p.startsWith('brands/') ? 3 : 1) * (/^shop\/(supermarket|department_store)/.test(tag) ? 2 : 1);
    if (sector) votes.set(sector, (votes.get(sector) || 0) + weight);
  }
  let best = 'business';
  let bestVotes = 0;
  for (const sector of SECTOR_ORDER) {
    if ((votes.get(sector) || 0) > bestVotes) {
      best = sector;
      bestVotes = votes.get(sector);
    }
  }
  return best;
}

const SECTOR_ORDER = ['transport', 'bank', 'retail', 'energy', 'telecom', 'government', 'health', 'education', 'food',
  'hotel', 'sport', 'post', 'conservation', 'charity'];

function sectorOf(tag) {
  const is = (re) => re.test(tag);
  if (is(/^(route\/(bus|train|tram|light_rail|subway|ferry|monorail|trolleybus|railway)|amenity\/(bicycle_rental|car_rental|car_sharing|ferry_terminal|bus_station|ticket_validator)|public_transport|shop\/ticket)/)) return 'transport';
  if (is(/^amenity\/(bank|atm|bureau_de_change|money_transfer)/)) return 'bank';
  if (is(/^amenity\/(fuel|charging_station)|^power\/|^man_made\/pipeline|^office\/energy_supplier|^route\/power/)) return 'energy';
  if (is(/^(telecom\/|shop\/(mobile_phone|telecommunication)|office\/telecommunication|man_made\/mast|amenity\/telephone)/)) return 'telecom';
  if (is(/^amenity\/(police|fire_station|townhall|courthouse)|^office\/government|^emergency\/ambulance/)) return 'government';
  if (is(/^amenity\/(hospital|clinic|pharmacy|doctors|dentist)|^healthcare\/|^shop\/(chemist|optician|hearing_aids)/)) return 'health';
  if (is(/^amenity\/(school|university|college|kindergarten|prep_school|language_school|driving_school)/)) return 'education';
  if (is(/^amenity\/(fast_food|restaurant|cafe|ice_cream|bar|pub)/)) return 'food';
  if (is(/^tourism\/(hotel|motel|hostel|guest_house)/)) return 'hotel';
  if (is(/^leisure\/(fitness_centre|sports_centre|pitch|stadium)|^shop\/sports/)) return 'sport';
  if (is(/^amenity\/(post_office|post_depot|parcel_locker|post_box)/)) return 'post';
  if (is(/^boundary\/protected_area|^natural\//)) return 'conservation';
  if (is(/^amenity\/(social_facility|community_centre)|^shop\/charity/)) return 'charity';
  if (is(/^shop\//)) return 'retail';
  return '';
}

/**
 * The name news would use for an NSI row. The label is the OSM name of the row's first role, which is
 * sometimes a sub-brand ("Tesco Bank" for Tesco, whose other names are "Tesco", "Tesco Café",
 * "Tesco Pharmacy"): a shorter name contained, as whole words, in at least two of the row's other
 * names is taken instead.
 */
export function nsiName(label, aliases) {
  const names = [label, ...aliases].filter(latinName);
  if (names.length === 0) return '';
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let best = names[0];
  let bestScore = 1; // the label stays unless another name is contained in two or more names
  for (const c of names) {
    const re = new RegExp(`(^|[^\\p{L}])${escape(c)}($|[^\\p{L}])`, 'iu');
    const score = names.filter((n) => n !== c && re.test(n)).length;
    if (score > bestScore || (score === bestScore && score > 1 && c.length < best.length)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export function nsiKind(sector) {
  switch (sector) {
    case 'government': return 'gov';
    case 'health': return 'health';
    case 'transport': return 'transport';
    case 'charity': case 'conservation': return 'ngo';
    default: return 'company';
  }
}
