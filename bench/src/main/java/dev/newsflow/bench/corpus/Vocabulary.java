package dev.newsflow.bench.corpus;

import java.util.List;

/**
 * The word stock of the generated corpus, written for this project. People are invented;
 * places and organisations are real, so a gazetteer-based enricher finds as many entities per
 * word as it would in real news (the generated text is about that dense in names).
 */
final class Vocabulary {
    private Vocabulary() {
    }

    static final List<String> FIRST_NAMES = List.of("Maria", "Tomas", "Aiko", "Daniel", "Leila", "Jonas", "Priya",
            "Oskar", "Helena", "Mateo", "Ingrid", "Samuel", "Noor", "Viktor", "Chiara", "Rafael", "Elif", "Anders",
            "Fatima", "Lukas", "Sofia", "Kwame", "Yara", "Emil", "Ines", "Pavel", "Grace", "Hugo", "Mei", "Nikolai");
    static final List<String> LAST_NAMES = List.of("Lindqvist", "Okafor", "Brennan", "Castellano", "Hartmann",
            "Nakamura", "Delacroix", "Moreau", "Kowalczyk", "Adeyemi", "Fischer", "Varga", "Petrenko", "Haddad",
            "Sorensen", "Almeida", "Novak", "Whitfield", "Rahimi", "Bergstrom", "Quintero", "Takahashi", "Mensah",
            "Ivanova", "Oduya", "Rossi", "Kaplan", "Dubois", "Svensson", "Mwangi");
    static final List<String> TITLES = List.of("President", "Prime Minister", "Foreign Minister", "Finance Minister",
            "Health Minister", "opposition leader", "Mayor", "envoy", "chief executive", "spokesperson", "General",
            "Senator", "coach", "professor", "Judge", "Governor");
    static final List<String> COUNTRIES = List.of("Ukraine", "France", "Germany", "Poland", "Italy", "Spain",
            "Japan", "Brazil", "Kenya", "Nigeria", "India", "Canada", "Mexico", "Norway", "Sweden", "Turkey", "Egypt",
            "Australia", "Argentina", "Indonesia", "South Africa", "United Kingdom", "United States", "Russia", "China");
    static final List<String> CITIES = List.of("Paris", "Kyiv", "Berlin", "Warsaw", "Rome", "Madrid", "Tokyo",
            "Nairobi", "Lagos", "Mumbai", "Toronto", "Oslo", "Stockholm", "Istanbul", "Cairo", "Sydney",
            "Buenos Aires", "Jakarta", "Cape Town", "London", "Washington", "Brussels", "Geneva", "Vienna", "Lisbon");
    static final List<String> ORGANISATIONS = List.of("United Nations", "European Union", "NATO",
            "World Health Organization", "International Monetary Fund", "World Bank", "European Central Bank",
            "Red Cross", "Amnesty International", "UNICEF", "World Trade Organization", "African Union",
            "International Olympic Committee", "FIFA", "Greenpeace", "OPEC", "Interpol", "Reuters", "Eurostat",
            "International Energy Agency");
    static final List<String> AGENCIES = List.of("EPA", "AFP", "Reuters", "AP", "Getty Images", "Anadolu", "dpa");
    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday");

    /** Section + category pairs and the subject words that make their stories sound like them. */
    record Beat(String section, String category, List<String> subjects, List<String> verbs, List<String> keywords) {
    }

    static final List<Beat> BEATS = List.of(
            new Beat("News", "Politics", List.of("the coalition agreement", "a snap election", "the draft constitution",
                    "the security guarantees", "the ceasefire talks", "the new cabinet", "parliament's budget vote",
                    "the sanctions package", "the peace declaration", "electoral reform"),
                    List.of("signed", "rejected", "debated", "postponed", "endorsed", "criticised"),
                    List.of("politics", "diplomacy", "government")),
            new Beat("Business", "Economy", List.of("interest rates", "the inflation figures", "the trade deficit",
                    "a merger of two banks", "energy prices", "the pension fund", "export tariffs",
                    "the quarterly earnings", "the bond market", "a wave of layoffs"),
                    List.of("raised", "cut", "forecast", "warned about", "reviewed", "announced"),
                    List.of("economy", "markets", "inflation")),
            new Beat("Sport", "Football", List.of("the cup final", "a transfer record", "the league title",
                    "the qualifying round", "a doping case", "the new stadium", "the national squad",
                    "a late equaliser", "the championship", "the world cup bid"),
                    List.of("won", "lost", "celebrated", "appealed", "secured", "missed"),
                    List.of("football", "sport", "championship")),
            new Beat("Health", "Medicine", List.of("a measles outbreak", "the vaccination campaign",
                    "hospital waiting lists", "a new cancer drug", "the malaria programme", "mental health services",
                    "the nursing shortage", "a clinical trial", "drug prices", "the pandemic treaty"),
                    List.of("approved", "expanded", "investigated", "funded", "paused", "reported"),
                    List.of("health", "medicine", "disease")),
            new Beat("Science", "Climate", List.of("record temperatures", "the carbon emissions target",
                    "melting glaciers", "the wildfire season", "a solar power plant", "coastal flooding",
                    "the drought", "a research satellite", "biodiversity loss", "the offshore wind farm"),
                    List.of("measured", "predicted", "documented", "launched", "studied", "monitored"),
                    List.of("climate change", "environment", "science")),
            new Beat("Culture", "Arts", List.of("the film festival", "a stolen painting", "the national museum",
                    "the literary prize", "a new opera production", "the concert tour", "the heritage site",
                    "a rare manuscript", "the architecture biennale", "the book fair"),
                    List.of("opened", "honoured", "returned", "premiered", "restored", "cancelled"),
                    List.of("arts", "culture", "museums")),
            new Beat("News", "Crime", List.of("the fraud trial", "a cyber attack", "the smuggling network",
                    "the corruption inquiry", "a prison break", "the money laundering case", "police reform",
                    "a wave of burglaries", "the extradition request", "the court ruling"),
                    List.of("uncovered", "charged", "sentenced", "arrested", "appealed", "investigated"),
                    List.of("crime", "justice", "police")),
            new Beat("Technology", "Science", List.of("the chip factory", "an artificial intelligence law",
                    "a data breach", "the quantum computer", "the satellite internet service", "electric cars",
                    "the privacy rules", "a rocket launch", "the battery plant", "the open source project"),
                    List.of("unveiled", "regulated", "delayed", "tested", "acquired", "fined"),
                    List.of("technology", "computing", "space")));

    static final List<String> CONNECTIVES = List.of("However,", "Meanwhile,", "In a statement,", "Earlier this week,",
            "According to officials,", "Speaking to reporters,", "Later on", "By contrast,", "As a result,", "Still,");
    static final List<String> QUOTES = List.of("a turning point for the region", "not enough, and far too late",
            "the only responsible choice", "a promise we intend to keep", "a serious and very specific commitment",
            "a mistake that will cost us dearly", "good news for families", "the beginning of a long process");
    static final List<String> FILLER = List.of("the decision", "local residents", "the committee", "the ministry",
            "independent observers", "the negotiators", "several experts", "the regional authorities",
            "the organisers", "analysts", "the unions", "diplomats");
}
