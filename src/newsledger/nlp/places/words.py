"""Places: the word lists of the stage (general English, not tied to any
article) and the weights of the resolution score (:data:`W`)."""

from __future__ import annotations


#: trades and jobs before a person's name ("Analyst Georgia Evans", "organiser Paris Okonkwo",
#: "incumbent Dallas Reeves", "Taxi driver Wilmer Macías", "said social worker Helena Järna",
#: "federal police delegate Cláudio Natal", "prosecutor Hélène Paris", "Anthropologist Rubén
#: Toledo"), names the model may take for a body's or a building's
TRADES = {
    "analyst", "economist", "magistrate", "magistrates", "organiser", "organizer", "researcher",
    "photographer", "chef", "historian", "lawyer", "architect", "novelist", "activist", "incumbent",
    "driver", "worker", "delegate", "solicitor", "prosecutor", "attorney", "teacher", "nurse", "farmer",
    "fisherman", "trader", "vendor", "engineer", "pastor", "imam", "priest", "journalist", "reporter",
    "correspondent", "shopkeeper", "adviser", "advisor", "anthropologist", "sociologist", "biologist",
    "geologist", "ecologist", "linguist", "scientist", "lecturer", "surgeon", "physician", "rancher",
}

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "presidents", "minister", "prime", "chancellor", "secretary", "senator", "sen",
    "rep", "representative", "gov", "governor", "mayor", "judge", "justice", "officer", "sgt",
    "sergeant", "lt", "lieutenant", "capt", "captain", "col", "colonel", "gen", "general",
    "maj", "major", "cpl", "corporal", "pvt", "private", "det", "detective", "rev",
    "admiral", "adm", "commodore", "marshal", "brigadier", "commander", "cmdr",
    "reverend", "father", "sister", "brother", "pope", "king", "queen", "prince", "princess",
    "emir", "sheikh", "ayatollah", "coach", "chief", "deputy", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "commissioner", "councilman", "councilwoman", "trooper",
    "st", "saint", "uncle", "aunt", "mother", "mom", "dad", "son", "daughter", "wife", "husband",
    "actor", "actress", "singer", "star", "player", "pitcher", "quarterback", "guard",
    "forward", "striker", "midfielder", "defender", "goalkeeper", "rapper", "director",
} | TRADES

#: kin, before the names of the family they introduce ("his wife, Florence,",
#: "his daughters Victoria and Mai", "her stepdaughter, Paris Lindqvist")
KIN_WORDS = {
    "wife", "husband", "son", "sons", "daughter", "daughters", "stepson", "stepsons",
    "stepdaughter", "stepdaughters", "stepchildren", "grandson", "grandsons", "granddaughter",
    "granddaughters", "grandchildren", "brother", "brothers", "sister", "sisters", "mother",
    "father", "parents", "widow", "widower", "niece", "nieces", "nephew", "nephews", "cousin",
    "cousins", "children", "child", "twins", "partner", "fiancé", "fiancée", "fiance", "fiancee",
    "spouse", "sweetheart", "girlfriend", "boyfriend", "bride", "groom",
}

SPEECH_VERBS = {
    "say", "tell", "add", "explain", "note", "state", "claim", "believe", "announce", "accuse",
    "deny", "reject", "summon", "warn", "threaten", "demand", "insist", "urge", "call",
    "respond", "reply", "condemn", "sign", "agree", "refuse", "sanction", "impose", "recognize",
    "recognise", "support", "oppose", "want", "seek", "expel", "propose", "promise", "argue",
    "allege", "blame", "vow", "retaliate", "negotiate", "decide", "plan", "launch", "invade",
    "acquiesce", "win", "lose", "veto", "approve", "ratify", "protest", "criticize",
    "criticise", "welcome", "praise", "insist", "suggest", "hope", "fear", "consider",
    "send", "deploy", "withdraw", "order", "ban", "boycott", "request", "offer", "pledge",
    "confirm", "acknowledge", "admit", "ask", "push", "press", "insist", "expect", "view",
    "see", "accept", "back", "endorse", "mediate", "broker", "host", "lead", "attack",
    "bomb", "strike", "annex", "occupy", "recall", "cut", "halt", "suspend", "resume",
}

PERSON_VERBS = {"say", "tell", "add", "explain", "note", "recall", "ask", "laugh", "smile",
                "write", "admit", "told", "said", "says"}

#: verbs of saying around a speaker's name ("said Rojas", "Rojas told reporters")
SAYING_WORDS = {"said", "says", "told", "tells", "added", "adds", "asked", "explained", "recalled", "wrote"}

#: words before a county's name in Ireland's and Britain's way ("County Kerry", "Co. Mayo", "Co Mayo")
COUNTY_OPENERS = {"County", "Co.", "Co"}

#: a land's own words before its name, which open no person's ("landlocked Mali", "neighbouring Chad")
LAND_ADJECTIVES = {"landlocked", "neighbouring", "neighboring", "impoverished", "mountainous", "tiny", "remote"}

LOC_PREPS = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward",
             "towards", "throughout", "through", "within", "inside", "via", "across", "between",
             "of", "on", "beyond", "along", "past", "nearer"}

PLACE_NOUNS = {"residents", "outskirts", "people", "streets", "mayor", "governor", "premier", "centre", "center",
               "suburbs", "north", "south", "east", "west", "city", "town", "village", "capital", "region", "province", "state", "county",
               "district", "port", "island", "republic", "country", "nation", "area",
               "municipality", "township", "borough", "suburb", "enclave", "exclave",
               "territory", "peninsula", "oblast", "governorate", "prefecture", "settlement",
               "community", "neighborhood", "neighbourhood", "valley",
               # (the kinds of divisions and settlements abroad: "the canton of Valais")
               "canton", "commune", "hamlet", "department", "département", "voivodeship", "regency",
               # (and places by what they are: "the desert oasis of Tozeur", "the resort of Hurghada")
               "oasis", "resort",
               # (and what is left of them: "the ruins of Chasiv Yar")
               "ruins"}

#: a university's word in the languages of its country ("Universidad Austral de Chile")
UNIVERSITY_WORDS = frozenset({"universidad", "universidade", "université", "universität", "università",
                              "universiteit", "universitas"})

#: general English words that are also the name of some small GeoNames place
#: ("Police", Poland; "Union", US): inside a name ("Mansfield Police
#: Department", "European Union", "Superior Court") they are never taken as a
#: place on the gazetteer's word alone
COMMON_WORDS = {
    "police", "university", "college", "school", "central", "superior", "metro", "union", "indigenous", "aboriginal",
    "green", "spring", "springs", "forest", "enterprise", "alliance", "eagle", "bell", "dome",
    "titan", "man", "liberty", "independence", "unity", "commerce", "progress", "hope",
    "justice", "victory", "freedom", "harmony", "friendship", "energy", "golden", "royal",
    "national", "federal", "general", "united", "grand", "county", "city", "state", "center",
    "centre", "plaza", "market", "bank", "river", "lake", "park", "valley", "mountain", "ocean",
    "home", "hospital", "church", "temple", "mission", "academy", "institute", "council",
    "congress", "senate", "court", "army", "navy", "marine", "force", "guard", "fire", "rescue",
    "health", "care", "life", "world", "global", "international", "standard", "express",
    "times", "post", "tribune", "herald", "star", "sun", "journal", "daily", "news", "press",
    "record", "register", "gazette", "review", "mirror", "globe", "observer", "telegraph",
    "energy", "power", "oil", "gas", "steel", "motor", "motors", "airlines", "air", "bay",
    "summit", "pioneer", "frontier", "heritage", "providence", "paradise", "eden", "olympia",
    "phoenix", "mercury", "apollo", "atlas", "delta", "alpha", "omega", "zion", "trinity",
    "ocean", "coral", "pearl", "diamond", "crystal", "silver", "gold", "orange", "lemon",
    "cherry", "apple", "rose", "lily", "ivy", "holly", "sunshine", "rainbow", "mesa",
    "globe", "vista", "tower", "towers", "castle", "bridge", "bridges", "harbor", "harbour",
    "port", "station", "junction", "crossing", "heights", "hills", "hill", "point", "ridge",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "midland",
    "midway", "upper", "lower", "middle", "new", "old", "little", "big", "long", "high",
    "fairview", "pleasant", "plain", "plains", "prairie", "meadow", "meadows", "oak", "oaks",
    "pine", "pines", "cedar", "maple", "elm", "willow", "birch", "ash", "chase", "quest",
    "venture", "victoria", "regent", "sterling", "worth", "mount", "glen", "dale", "vale",
    "bethel", "shiloh", "salem", "canaan", "goshen", "sharon", "beulah", "galilee", "bethany",
    "tribe", "nation", "republic", "empire", "kingdom", "reserve", "commonwealth", "district",
    "metropolitan", "municipal", "regional", "community", "public", "civic", "social",
    "democratic", "liberal", "labour", "labor", "conservative", "progressive", "people",
    "peoples", "popular", "patriot", "patriots", "rangers", "eagles", "lions", "tigers",
    "bears", "giants", "titans", "warriors", "chiefs", "kings", "pirates", "royals", "saints",
    "jets", "rockets", "thunder", "lightning", "heat", "magic", "jazz", "wizards", "senators",
    "capital", "capitals", "square", "garden", "gardens", "mall", "avenue", "street", "road",
    "theatre", "theater", "museum", "library", "gallery", "arena", "stadium", "field",
    "fields", "airport", "island", "islands", "beach", "coast", "shore", "cove", "creek", "line",
    "falls", "rapids", "canyon", "rock", "rocks", "stone", "wells", "well", "mills", "mill",
    "ford", "lincoln", "jefferson", "franklin", "hamilton", "madison", "monroe", "jackson",
    "washington", "clinton", "lee", "grant", "kennedy", "obama", "bush", "reagan", "nixon",
    "carter", "johnson", "wilson", "taylor", "young", "king", "mobile", "nice", "reading",
    "bath", "buffalo", "troy", "media", "college", "normal", "colony", "independence",
    "marathon", "olympic", "alliance", "concord", "accord", "reliance", "advance", "chamber",
    "homeland", "landmark", "lakes", "triangle", "real", "beacon", "tri city", "woodlands",
    "toyota", "honda", "nissan", "mazda", "lexus", "volvo", "audi", "kia", "dodge", "chevrolet",
    "buick", "cadillac", "jeep", "orion", "saturn", "jupiter", "venus", "mars", "luna",
} | UNIVERSITY_WORDS

#: nouns that, right after a capitalised name, say it is a place ("Edmonton residents")
AFTER_PLACE = {"resident", "residents", "native", "natives", "man", "woman", "men", "women",
               "police", "mayor", "council", "area", "suburb", "suburbs", "outskirts",
               "neighborhood", "neighbourhood", "county", "township", "city", "town", "village",
               "voters", "citizens", "officials", "authorities", "schools", "-based", "based",
               "airport", "hospital", "district", "province", "region", "border", "streets",
               "boy", "girl", "teen", "teenager", "family", "couple", "firefighters", "fire",
               "island", "peninsula", "coast", "coastline", "delta", "municipality", "commune",
               "garda", "gardaí", "gardai",
               # (a headline's person of the place: "Tūrangi Grandmother Completes Crossing")
               "grandmother", "grandfather", "grandma", "grandpa", "pensioner", "schoolgirl", "schoolboy",
               "toddler", "widow", "widower", "teenagers", "mum", "dad", "swimmer",
               "villagers", "islanders", "homeowners"}

#: the people of a province by their work ("as Southland farmers joined protests"), after
#: a province's name only: a crop's is a kind of farmer ("Maize farmers", Maize, Kansas)
LAND_WORKERS = {"farmers", "growers", "fishermen", "herders", "ranchers", "winegrowers", "crofters"}

#: animals a name may be given in apposition ("Simba, a three-year-old dog"): pets and farm animals
BEING_NOUNS = {"dog", "cat", "puppy", "pup", "kitten", "horse", "pony", "mare", "stallion", "gelding", "colt",
               "filly", "donkey", "mule", "cow", "heifer", "bull", "calf", "goat", "sheep", "ewe", "ram", "lamb",
               "pig", "parrot", "budgie", "cockatoo", "tortoise", "rabbit", "ferret", "hamster", "collie",
               "sheepdog", "terrier", "spaniel", "labrador", "retriever", "husky", "huntaway", "kelpie", "beagle",
               "poodle", "dachshund", "greyhound", "whippet", "lurcher", "mongrel", "hound", "alsatian", "tabby",
               "tomcat", "moggy", "crossbreed", "cross-breed"}

#: last words of a street or road name ("Shamrock Street", "Powerline Road")
STREET_HEADS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "boulevard",
                "blvd", "lane", "ln", "highway", "hwy", "parkway", "pkwy", "pike", "turnpike",
                "expressway", "freeway", "bypass", "trail", "circle"}

#: words that are capitalised at the start of a sentence but are never place names there
_FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ", "NUM", "PUNCT"}

#: the furniture of a news web page ("Media caption", "Image copyright"): the
#: model takes some of these words for places when they open a line
PAGE_WORDS = {"media", "image", "video", "photo", "caption", "copyright", "share", "related",
              "advertisement", "gallery", "watch", "listen"}

#: the words of a web page's label before a headline or a caption at a line's
#: start ("Read more:", "Related:", "Also read:", "Image caption:")
LABEL_WORDS = {"read", "more", "related", "also", "see", "watch", "caption", "image", "photo",
               "picture", "video", "latest", "stories", "story", "recommended", "trending", "top"}

#: movable feasts the time stage does not date, which the model may take for places
#: ("demolished before Easter")
MOVABLE_FEASTS = ("Easter", "Christmas", "Ramadan", "Eid", "Hanukkah", "Diwali", "Passover", "Lent", "Advent",
                  "Pentecost", "Thanksgiving", "Nowruz")

MAX_NGRAM = 5
MISSING = None

# weights of the resolution score (tuned on the LGL + TR-News dev set)
W = {
    "pop": 1.0,           # per log10(population)
    "main": 2.0,          # the name is the entry's main name (not an alternate one)
    "country": 4.5,       # entry's country is mentioned in the document (saturating)
    "admin": 1.5,         # entry's state/province is mentioned
    "pair": 6.0,          # "Springfield, Illinois"
    "near": 3.0,          # close to other places of the text
    "near_km": 250.0,
    "kind_country": 3.0,
    "kind_region": 2.2,
    "kind_feature": 1.5,
    "capital": 1.0,
    "province_seat": 3.0, # the biggest town named like the province that holds it ("Nagasaki")
    "cue_city": 1.0,      # "the city of X" favours cities
    "approx": -0.8,
    "subdivision": -1.5,
    "county": 3.0,        # a county outranks the villages named like it
    "in_region": 3.0,     # lies inside a curated region the text names (Nagorno-Karabakh)
    "in_region_km": 60.0,
    "support": 2.5,       # other names of the text have a namesake in the same state/province
    "local": 3.0,         # "a Lebanon woman", "the Jordan City Council": a local town
    "capital_state": 3.0, # "Washington" alone: the capital, not the state
    "capital_acts": 3.0,  # a capital acting for its government ("Riyadh said"), not a namesake town
    "lone_dateline": 6.0, # a capital or a city of a million alone in a dateline ("PARIS (AFP) —")
    "compass_town": 3.0,  # "the northern port of X": a town of the country the text is mostly about
    "county_cue": 6.0,    # "Cooke, Grayson and Love counties"; "Platte" after "Platte County"
    "state_town": -4.0,   # a small town named like a state ("California", Md.) rarely is the one meant
    "country_other": 3.0, # a country the text's other names point to ("Moscow" for "Russia")
    "bare_county": -2.0,  # "Greene" for Greene County, the text never saying "County"
    "other_name_km": 50.0,  # a name given as another ("known as Urga") lies this close to a place found
    "focus_km": 150.0,    # places this close to a town make it the text's focus (_focus)
    "coloc": 3.0,         # other names of the text have a namesake near this candidate
    "coloc_km": 50.0,
    "coloc_spread": 20.0, # a name with this many local namesakes counts half
    "sea": 20.0,          # "crossed the Atlantic": a sea or ocean, never a town named after it
    "feature_floor": 4.0, # a curated mountain, river or sea counts as a place of 10,000 people
    "great_rival": -3.0,  # a small namesake of a great city abroad, by the other countries' share
    "great_named": -5.0,  # ... and the text names the great city's country, not the namesake's
    "para_country": 4.0,   # a town's paragraph names its country (in a text of several paragraphs)
    "state_unplaced": -2.0, # a state named like its country's capital, none of its towns in the text
    "state_abroad": -3.0,  # a province of a country the text never names, against a namesake of its main one
    "great_home": -6.0,   # a village named like a great city of its own country (no state after it)
    "great_village": -3.0, # a village named like a great city abroad, nothing local speaking for it
    "world_village": -12.0, # ... a world city or a capital, and no place of the text its neighbour
    "home_hamlet": -6.0,  # a hamlet at home named like a city of 150,000 abroad, no place of the text near it
    "fuzzy_km": 300.0,    # a misspelt name's place lies this near a place named exactly
    "country_alias": -4.0, # a country's own name given as another place's other name
    "capital_alias": -4.0, # ... or a capital's, of a country the text is about
    "division_floor": 4.0, # so does a province or county with its own centre
    "division_word": 5.0,  # "the Kursk region", "Kano State": the division, not its capital
}

#: words closing a newspaper's name after the town it serves ("Hamilton
#: Advertiser", "Stornoway Gazette"): no surname, whatever the model says
MASTHEAD_WORDS = frozenset({
    "herald", "times", "news", "post", "gazette", "tribune", "journal", "courier", "press",
    "chronicle", "echo", "mail", "advertiser", "observer", "record", "bulletin", "examiner",
    "argus", "comet", "mercury", "sentinel", "telegraph", "enquirer", "dispatch", "democrat",
    "register", "ledger", "guardian", "monitor", "independent", "leader", "citizen", "inquirer", "statesman",
    "globe", "beacon",
    # (and the sun of many titles, the "Ilbo" and "Shimbun" of Korea's and Japan's; not "Star",
    # which names ships and horses as often: "the bulk carrier Sinai Star")
    "sun", "standard", "express", "ilbo", "shimbun"})

#: nouns before a company's name ("cloud company Southgate Compute", "the
#: start-up Northgate Labs"): a town named like its first word is a coincidence
COMPANY_NOUNS = {"company", "firm", "start-up", "startup", "maker", "operator", "developer", "brand",
                 "label", "manufacturer", "retailer", "chain", "insurer", "lender", "carrier",
                 "distributor", "publisher", "subsidiary", "conglomerate", "fintech",
                 # (and a big one: "state copper giant Codelco")
                 "giant"}

#: last words of a company's name ("Titan Operating", "Harlan Brake Systems"):
#: a small town's name opening it is the firm's there, wherever the text repeats it
CORPORATE_WORDS = {"inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "corporation", "holdings",
                   "operating", "systems", "metals", "mining", "minerals", "industries", "technologies",
                   "petroleum", "motors", "pharmaceuticals", "logistics", "enterprises", "ventures",
                   "brands", "foods", "beverages", "apparel", "textiles", "mills", "stores", "hardware",
                   "electronics", "semiconductors", "laboratories", "labs", "insurance"}

#: last words of a utility's or a carrier's name after its place ("Yorkshire
#: Water", "Kenya Power", "Kenya Railways"), which end no person's name
UTILITY_WORDS = {"water", "power", "energy", "gas", "electricity", "electric", "rail", "railways", "airways",
                 "airlines", "telecom", "telecoms", "buses", "ferries", "transit"}

#: last words of towns' names that end no person's name ("Alice Springs", "Niagara Falls")
TOWN_TAILS = {"springs", "falls", "heights", "beach", "creek", "harbour", "harbor"}
#: ... and of a town's quarter or a railway town ("Greer Station", "Clifton Junction")
QUARTER_TAILS = TOWN_TAILS | {"station", "junction", "crossing", "landing"}
#: ... and of a natural feature named after its town ("Chinhoyi Caves", "Kakamega Forest"): no surname's
#: (no "Lake", "Bay", "Hill": "Ricki Lake", "Michael Bay" and "Damon Hill" are persons)
FEATURE_TAILS = {"caves", "cave", "gorge", "forest", "valley", "hills", "mountains", "plateau", "escarpment",
                 "reservoir", "wetlands", "swamp", "glacier", "peninsula", "river", "estuary", "delta", "lagoon",
                 "alps", "highlands", "canyon", "pass", "moor", "moors", "range", "ranges", "dunes", "desert",
                 "fjord", "islands", "marshes"}
#: small words inside a town's name joined by hyphens ("Graye-sur-Mer", "Stratford-upon-Avon")
HYPHEN_LINKS = {"sur", "sous", "les", "lès", "en", "upon", "under", "on", "am", "an", "der", "im", "ob",
                "de", "du", "des", "la", "le", "di", "del", "da", "do"}

#: capitalised words after a town's name that make the whole its service's
#: ("Concord Police", "Huntsville Fire Chief Tom Grisham")
SERVICE_HEADS = {"police", "fire"}

#: legislatures' names, some also towns' ("the Duma", "the State Duma", "the Rada"): after
#: "the" or their country's word the text names the assembly wherever it repeats them
LEGISLATURES = {"duma", "rada", "sejm", "majlis", "knesset", "storting", "riksdag", "bundestag", "bundesrat",
                "folketing", "althing", "saeima", "seimas", "sabor", "jirga", "khural", "shura", "dail", "dáil",
                "oireachtas", "eduskunta", "stortinget", "cortes"}
#: words before a legislature's name that make it the assembly ("State Duma", "Verkhovna Rada")
LEGISLATURE_OPENERS = {"the", "state", "verkhovna", "national", "loya", "grand", "federal"}

#: capitalised words of a military base's name before the town it is named
#: after ("RAAF Base Darwin", "Naval Station Mayport", "Air Station Futenma")
BASE_WORDS = {"Base", "Station"}

#: capitalised nouns of a historical event before "of" and its place ("the Battle of
#: Puebla", "the Siege of Leningrad", "the Treaty of Versailles"): no town of that name is meant
EVENT_NOUNS = {"battle", "siege", "treaty", "massacre", "sack", "relief", "liberation", "capture",
               "storming", "bombing", "partition", "peace", "congress", "edict", "raid"}

#: words closing a sports club's name after the town it comes from
CLUB_WORDS = {"united", "city", "rovers", "wanderers", "athletic", "albion", "county", "town",
              "fc", "f.c.", "hotspur", "rangers", "celtic", "olympic", "dynamo", "cf", "sc", "ff", "bk", "if",
              # (and the clubs of smaller leagues: "Tuam Stars", "Finn Harps", "Kilmarnock Thistle")
              "stars", "harriers", "thistle", "shamrocks", "gaels", "harps", "swifts",
              # (and the words of basketball and volleyball clubs: "Valencia Basket", "Trentino Volley")
              "basket", "volley"}
#: countries whose counties our divisions name without the word ("Kerry", "Durham"),
#: the word going first there ("County Clare", "Co. Kerry")
COUNTY_LANDS = ("IE", "GB")

#: countries whose states' short names are written without a full stop ("Qld", "Vic", "Tas"):
#: a stop after one ends its sentence
UNDOTTED_LANDS = ("AU",)

#: words that open a club's name before its town ("Inter Miami", "Bayer Leverkusen", "Celta Vigo")
CLUB_PREFIXES = {"real", "inter", "bayer", "werder", "celta", "sporting", "racing", "dynamo", "dinamo",
                 "lokomotiv", "olympique", "borussia", "eintracht", "fortuna", "hertha", "rapid", "sturm",
                 "atletico", "atlético", "deportivo", "hapoel", "maccabi", "spartak", "zenit", "partizan",
                 "virtus", "olympiacos", "olympiakos", "panathinaikos", "apollon", "omonia", "sparta"}
#: ... and the letters that open a club's name ("FC Porto", "IFK Göteborg")
CLUB_OPENERS = {"fc", "f.c.", "c.f.", "a.c.", "ac", "as", "sc", "ifk", "aik", "bk", "sk", "cf", "cd", "ud", "sv",
                "vfb", "vfl", "tsg", "psv", "fk", "nk", "hnk", "ogc", "kaa", "krc", "rsc", "ssc"}
