package dev.newsflow.enrich.annotate;

/**
 * The field of news an entity belongs to by what the knowledge base knows of it (a head of government,
 * a legislator, a football club, a bank): evidence for topics, not a topic itself.
 */
public enum EntityDomain {
    POLITICS,
    DIPLOMACY,
    CONFLICT,
    ECONOMY,
    SPORT,
    LAW,
    HEALTH,
    SCIENCE,
    RELIGION,
    ARTS,
    MEDIA,
    ENVIRONMENT,
    TRANSPORT,
    EDUCATION
}
