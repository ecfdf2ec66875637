package dev.newsflow.enrich.annotate;

import java.util.List;

/**
 * What the knowledge base's sources say about an entity, as far as linking and topics can use it.
 *
 * @param country      ISO 3166-1 alpha-2 code: a person's or organisation's country, a city's or
 *                     subdivision's country, a country's own code; null when unknown
 * @param subdivision  ISO 3166-2 code of a subdivision itself, or of the US state a city lies in ("US-GA")
 * @param legislatures legislatures a person sat in (EveryPolitician's names, e.g. "UK/Commons"); 2015 snapshot
 * @param party        Wikidata QID of a legislator's party, or null
 * @param role         "head-of-state-or-government" (curated), "legislator" (EveryPolitician), or null
 * @param sector       what an organisation does, from the map features that name it (bank, energy,
 *                     retail, transport, telecom, food, health, government, ...), or null
 * @param population   inhabitants of a city (GeoNames), 0 when not a city
 * @param capital      a national capital
 */
public record EntityFacts(String country, String subdivision, List<String> legislatures, String party,
                          String role, String sector, long population, boolean capital) {

    static final EntityFacts NONE = new EntityFacts(null, null, List.of(), null, null, null, 0, false);

    /** Parses the knowledge base's {@code key=value;key=value} column. */
    static EntityFacts parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        String country = null;
        String subdivision = null;
        List<String> legislatures = List.of();
        String party = null;
        String role = null;
        String sector = null;
        long population = 0;
        boolean capital = false;
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = pair.substring(eq + 1);
            switch (pair.substring(0, eq)) {
                case "country", "iso" -> country = value;
                case "code", "admin" -> subdivision = value;
                case "legislature" -> legislatures = List.of(value.split(","));
                case "party" -> party = value;
                case "role" -> role = value.intern();
                case "sector" -> sector = value.intern();
                case "population" -> population = Long.parseLong(value);
                case "capital" -> capital = value.equals("1");
                default -> {
                    // a fact this version does not use
                }
            }
        }
        return new EntityFacts(country == null ? null : country.intern(), subdivision, legislatures, party, role, sector,
                population, capital);
    }

    public boolean headOfStateOrGovernment() {
        return "head-of-state-or-government".equals(role);
    }

    public boolean legislator() {
        return "legislator".equals(role) || !legislatures.isEmpty();
    }
}
