package dev.newsflow.enrich.annotate;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** Word lists the recognition rules use: title cues, organisation suffixes, place prepositions. */
final class NameRules {
    private NameRules() {
    }

    private static Set<String> words(String... words) {
        // A HashSet (tolerates a word listed twice) looks up faster than Set.of's probing table.
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(words)));
    }

    /** Capitalised titles that stand before a person's name ("President Emmanuel Macron"). */
    static final Set<String> TITLES = words(
            "President", "Prime", "Minister", "Chancellor", "Secretary", "Senator", "Sen", "Sen.", "Rep", "Rep.",
            "Representative", "Governor", "Gov", "Gov.", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
            "Ambassador", "Envoy", "Judge", "Justice", "Commissioner", "Director", "Professor", "Prof", "Dr", "Dr.",
            "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir", "Dame", "Lord", "Lady", "General", "Gen", "Gen.",
            "Colonel", "Col", "Captain", "Capt", "Lieutenant", "Admiral", "Marshal", "Sergeant", "Chairman",
            "Chairwoman", "Chair", "Speaker", "Spokesman", "Spokeswoman", "Spokesperson", "Coach", "Manager",
            "Bishop", "Archbishop", "Cardinal", "Rabbi", "Imam", "Ayatollah", "Sheikh", "Emir", "Crown",
            "Premier", "Leader", "Chief", "CEO", "Founder", "Officer", "Detective", "Inspector", "Superintendent",
            "Constable", "Deputy", "Vice", "Acting", "Former", "Foreign", "Defence", "Defense", "Interior",
            "Finance", "Health", "Economy", "Trade", "Justice", "Home", "Culture", "Energy", "Attorney",
            "Mrs", "Miss", "Saint", "St", "Father", "Brother", "Sister", "Rev", "Rev.", "Reverend", "Administrator",
            "Secretary-General", "Commander", "President-elect", "Executive", "Senior", "Assistant", "Associate");

    /** Title words that name the office itself, not a modifier like "Foreign" or "Deputy". */
    static final Set<String> OFFICE_TITLES = words(
            "President", "Minister", "Chancellor", "Secretary", "Senator", "Sen", "Sen.", "Rep", "Rep.",
            "Representative", "Governor", "Gov", "Gov.", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
            "Ambassador", "Envoy", "Judge", "Commissioner", "Director", "Professor", "Prof", "Dr", "Dr.",
            "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir", "Dame", "Lord", "Lady", "General", "Gen", "Gen.",
            "Colonel", "Col", "Captain", "Capt", "Lieutenant", "Admiral", "Marshal", "Sergeant", "Chairman",
            "Chairwoman", "Speaker", "Spokesman", "Spokeswoman", "Spokesperson", "Coach", "Manager", "Bishop",
            "Archbishop", "Cardinal", "Rabbi", "Imam", "Ayatollah", "Sheikh", "Emir", "Premier", "Leader", "CEO",
            "Founder", "Detective", "Inspector", "Superintendent", "Constable", "Miss", "Rev", "Rev.", "Reverend",
            "Administrator", "Secretary-General", "Commander", "President-elect");

    /** Lower-case nouns that, just before a name, say it is a person ("envoy Steve Witkoff"). */
    static final Set<String> PERSON_CUES = words(
            "president", "minister", "chancellor", "secretary", "senator", "governor", "mayor", "envoy", "envoys",
            "ambassador", "spokesman", "spokeswoman", "spokesperson", "leader", "leaders", "chief", "head",
            "director", "chairman", "chairwoman", "ceo", "founder", "coach", "manager", "striker", "midfielder",
            "defender", "goalkeeper", "captain", "player", "actor", "actress", "singer", "rapper", "author",
            "writer", "novelist", "director", "professor", "scientist", "researcher", "economist", "analyst",
            "lawyer", "attorney", "judge", "prosecutor", "commander", "general", "officer", "colonel", "soldier",
            "journalist", "correspondent", "editor", "photographer", "reporter", "activist", "candidate",
            "lawmaker", "mp", "deputy", "adviser", "advisor", "aide", "official", "diplomat", "negotiator",
            "businessman", "businesswoman", "billionaire", "entrepreneur", "investor", "boss", "chef", "artist",
            "musician", "composer", "athlete", "champion", "pope", "king", "queen", "prince", "princess",
            "dr", "mr", "mrs", "ms", "sir", "colleague", "wife", "husband", "son", "daughter", "mother", "father",
            "brother", "sister", "by");

    /** Verbs that follow a person's name ("Witkoff insisted"). */
    static final Set<String> SPEECH_VERBS = words(
            "said", "says", "told", "added", "argued", "wrote", "insisted", "warned", "announced", "explained",
            "thanked", "stressed", "noted", "admitted", "denied", "claimed", "tweeted", "posted", "replied",
            "asked", "urged", "declared", "confirmed", "acknowledged", "recalled", "believes", "thinks");

    /** Last words of organisation names. */
    static final Set<String> ORG_SUFFIXES = words(
            "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Corporation", "Company", "Co", "Co.", "Group", "Holdings",
            "Bank", "Fund", "University", "College", "School", "Academy", "Institute", "Institution", "Foundation",
            "Association", "Society", "Federation", "Union", "League", "Council", "Committee", "Commission",
            "Agency", "Authority", "Ministry", "Department", "Office", "Bureau", "Service", "Services", "Court",
            "Parliament", "Assembly", "Congress", "Senate", "Party", "Army", "Navy", "Forces", "Force", "Guard",
            "Police", "Brigade", "Battalion", "Regiment", "Club", "FC", "United", "Times", "News", "Post", "Press",
            "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Radio", "Television", "TV", "Network",
            "Media", "Airlines", "Airways", "Motors", "Technologies", "Systems", "Labs", "Laboratories",
            "Partners", "Capital", "Energy", "Pharmaceuticals", "Hospital", "Church", "Movement", "Front",
            "Alliance", "Coalition", "Organisation", "Organization", "Programme", "Program", "Board", "Trust",
            "Centre", "Center", "Museum", "Orchestra", "Band", "Team", "Cabinet", "Government", "Administration",
            "Initiative", "Council", "Chamber", "Exchange", "Reserve", "Industries", "Enterprises", "AG", "SA",
            "GmbH", "plc", "PLC", "LLC", "Corps", "Fleet", "Division", "Regiment", "Records",
            "Airport", "Broadcasting", "Studios", "Pictures", "Entertainment", "Ministries");

    /** Last words of place names ("Lincoln Park", "Ford County"). */
    static final Set<String> PLACE_SUFFIXES = words(
            "County", "Province", "Prefecture", "Oblast", "District", "Region", "Park", "Beach", "Island", "Islands",
            "Street", "Road", "Avenue", "Boulevard", "Square", "River", "Bay", "Lake", "Mountain", "Mountains",
            "Valley", "Brook", "Creek", "Pond", "Reservoir", "Junction", "Coast", "Peninsula", "Desert", "Forest",
            "Falls", "Harbour", "Harbor", "Bridge", "Stadium", "Arena", "Canyon", "Gulf", "Sea", "Ocean", "Strait",
            "Plateau", "Hills", "Heights", "Springs", "Village", "Township", "City", "Town", "Airport", "Palace",
            "Cathedral", "Castle");

    /** Last words of event names ("Paris Peace Forum" is an organisation; "Earth Summit" an event). */
    static final Set<String> EVENT_SUFFIXES = words(
            "Summit", "Games", "Olympics", "Championship", "Championships", "Cup", "Festival", "War", "Conference",
            "Expo", "Marathon", "Open", "Prix", "Awards", "Biennale", "Fair",
            "Revolution", "Uprising", "Massacre", "Crisis");

    /** Words that name a storm by the name that follows ("Storm Ciarán", "Hurricane Milton"). */
    static final Set<String> NAMED_STORMS = words("Storm", "Hurricane", "Typhoon", "Cyclone", "Tropical");

    /** First words of place names ("Mount Everest", "Lake Geneva"). */
    static final Set<String> PLACE_PREFIXES = words("Mount", "Mt", "Lake", "Cape", "Fort", "Port", "Gulf", "Isle");

    /** Compass words that make a place of the place that follows ("West Africa", "South Jutland"). */
    static final Set<String> DIRECTIONS = words(
            "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
            "Lower", "Greater", "New", "Northeast", "Northwest", "Southeast", "Southwest");

    /** Lower-case words allowed inside a capitalised name ("Coalition of the Willing", "Ursula von der Leyen"). */
    static final Set<String> CONNECTORS = words(
            "of", "the", "for", "de", "von", "van", "der", "den", "al", "bin", "ibn", "la", "le", "du", "da", "del",
            "di", "dos", "das", "y", "on", "&");

    /** Prepositions that put a following unknown capitalised name in a place. */
    static final Set<String> PLACE_PREPOSITIONS = words(
            "in", "near", "outside", "across", "around", "throughout", "into", "towards", "toward", "inside");

    /** Days and months: trimmed from either end of a name ("On Tuesday Macron"). */
    static final Set<String> CALENDAR = words(
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "June", "July", "August", "September", "October",
            "November", "December");

    /** All-capital abbreviations that are not organisations. */
    static final Set<String> COMMON_ACRONYMS = words(
            "CEO", "CFO", "CTO", "COO", "DJ", "VIP", "CD", "CDs", "DVD", "SUV", "AIDS", "HIV", "BMX", "GDP", "TV", "PC", "IT",
            "AI", "USB", "GPS", "DNA", "RNA", "PhD", "MP", "MPs", "MEP", "MEPs", "MPP", "OK", "PR", "HQ", "ID", "IQ", "FAQ",
            "RPG", "MVP", "NGO", "NGOs", "ATM", "LGBT", "LGBTQ", "COVID", "UFO", "VAT", "ERA", "RPO", "CEOs", "SMS", "PDF",
            "URL", "LED", "LCD", "SIM", "EV", "EVs", "IPO", "ETF", "CO2", "NB", "PS", "AM", "PM", "BC", "AD", "USD", "EUR",
            "GBP", "KM", "MW", "GW", "US", "UK", "EU", "UN");

    /** Capitalised words that are never entities on their own. */
    static final Set<String> NEVER_ALONE = words(
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "OK", "TV",
            "Photo", "Photos", "Video", "Image", "Images", "Read", "More", "Share", "Updated", "Published",
            "West", "East", "North", "South", "Western", "Eastern", "Northern", "Southern", "God", "Mr", "Mrs",
            "Ms", "Dr", "AM", "PM", "GMT", "UTC", "CET", "EST", "BST", "AD", "BC", "Jr", "Sr", "No", "St");
}
