package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EntityType;

/**
 * One entity of the knowledge base.
 *
 * @param id        index in the knowledge base
 * @param type      PERSON, ORGANIZATION or PLACE
 * @param name      canonical name
 * @param wikidataId QID or null: only ids the sources state, never guessed
 * @param kind      finer class from the sources (country, city, leader, news, military, ...):
 *                  drives topic priors and confidence
 * @param commonWord the name is also an ordinary lower-case word ("Nice"): needs context
 * @param givenName the name is also a given name ("Austin"): not when it starts a person's name
 */
public record KbEntity(int id, EntityType type, String name, String wikidataId, String kind,
                       boolean commonWord, boolean givenName) {

    boolean ambiguous() {
        return commonWord || givenName;
    }
}
