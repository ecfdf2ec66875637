package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EntityType;
import java.util.EnumSet;
import java.util.Set;

/**
 * One entity of the knowledge base.
 *
 * @param id         index in the knowledge base
 * @param type       PERSON, ORGANIZATION, PLACE or EVENT
 * @param name       canonical name
 * @param wikidataId QID or null: only ids a source states (see {@code idSource}), never guessed
 * @param kind       finer class from the sources (country, city, subdivision, leader, politician,
 *                   news, military, company, ...): drives topic priors and linking context
 * @param commonWord the name is also an ordinary lower-case word ("Nice", "Next"): needs context
 * @param givenName  the name is also a given name ("Austin"): not when it starts a person's name
 * @param linkOnly   a candidate for the linker only, never a gazetteer name of the recogniser
 *                   (legislators, brands, homonyms of a better-known name such as the US state of Georgia)
 * @param prior      how likely the entity is to be meant, before any context, in (0, 1): derived from
 *                   its sources (see tools/knowledge-base/README.md)
 * @param idSource   where the QID comes from: everypolitician, nsi, country-coder, or curated (written
 *                   by hand where no source here states it); null without a QID
 * @param facts      country, role, sector and other facts for linking context and topic evidence
 */
public record KbEntity(int id, EntityType type, String name, String wikidataId, String kind,
                       boolean commonWord, boolean givenName, boolean linkOnly, double prior, String idSource,
                       EntityFacts facts) {

    boolean ambiguous() {
        return commonWord || givenName;
    }

    /** The fields of news this entity is evidence for: a head of government for politics, a club for sport. */
    public Set<EntityDomain> domains() {
        Set<EntityDomain> domains = EnumSet.noneOf(EntityDomain.class);
        switch (kind) {
            case "leader", "politician", "party", "gov", "politics" -> domains.add(EntityDomain.POLITICS);
            case "diplomat", "intl" -> domains.add(EntityDomain.DIPLOMACY);
            case "military", "armed-group", "war" -> domains.add(EntityDomain.CONFLICT);
            case "business", "company" -> domains.add(EntityDomain.ECONOMY);
            case "sport" -> domains.add(EntityDomain.SPORT);
            case "court" -> domains.add(EntityDomain.LAW);
            case "health" -> domains.add(EntityDomain.HEALTH);
            case "science" -> domains.add(EntityDomain.SCIENCE);
            case "religion" -> domains.add(EntityDomain.RELIGION);
            case "arts" -> domains.add(EntityDomain.ARTS);
            case "news" -> domains.add(EntityDomain.MEDIA);
            case "environment" -> domains.add(EntityDomain.ENVIRONMENT);
            case "transport" -> {
                domains.add(EntityDomain.TRANSPORT);
                domains.add(EntityDomain.ECONOMY);
            }
            default -> {
            }
        }
        if (facts.headOfStateOrGovernment() || facts.legislator()) {
            domains.add(EntityDomain.POLITICS);
        }
        if (facts.sector() != null) {
            switch (facts.sector()) {
                case "health" -> domains.add(EntityDomain.HEALTH);
                case "education" -> domains.add(EntityDomain.EDUCATION);
                case "transport" -> domains.add(EntityDomain.TRANSPORT);
                case "government" -> domains.add(EntityDomain.POLITICS);
                case "conservation" -> domains.add(EntityDomain.ENVIRONMENT);
                default -> {
                }
            }
            if (!"government".equals(facts.sector()) && !"conservation".equals(facts.sector())) {
                domains.add(EntityDomain.ECONOMY); // a brand or operator is a business
            }
        }
        return domains;
    }
}
