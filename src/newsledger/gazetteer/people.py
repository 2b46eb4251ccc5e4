"""Words that name a place by its people or its language.

The lists and rules below serve
:meth:`~newsledger.gazetteer.Gazetteer.place_for_people_word`, which reads a
capitalised word such as "Londoners",
"Parisian", "Mancunians", "South East Asian" or "Arabic" and writes the name
of the place it stands for ("London", "Paris", "Manchester", "South East Asia",
"Saudi Arabia"), or None.  Five sources, tried in order:

* :data:`IRREGULAR_PEOPLE`: people forms no suffix rule derives
  ("Mancunian" -> Manchester, "Glaswegian" -> Glasgow);
* :data:`LANGUAGE_PLACES`: languages whose name is not a demonym of the
  country table, with the country or region they are the language of
  ("Arabic", "Mandarin", "Hindi", "Swahili");
* :data:`ETHNIC_PLACES`: a few ethnic words ("Hispanic", "Arab"), unless
  the word is itself a place's name (Arab, Alabama);
* a suffix rule: "-er", "-ite", "-ian", "-an", "-ese" taken off, a final
  vowel put back ("Berliners" -> Berlin, "Tokyoites" -> Tokyo, "Parisians"
  -> Paris, "Chicagoans" -> Chicago, "Californian" -> California; a city
  only from a plural people form); the gazetteer keeps the
  result only when the base is a big place (``Gazetteer._big``), so that a
  surname such as "Walker" never becomes a town, and a word that is itself a
  place's name keeps it ("Meridian" is no people of Mérida);
* a compass or "Latin"/"Sub-Saharan" word before a demonym names a region
  ("South East Asian" -> South East Asia, "Latin American" -> Latin
  America, "West African" -> West Africa).

:data:`CUED_LANGUAGE_PLACES` holds languages named like their people
("Zapotec", "Navajo"): no people word here, the places stage reads them as a
place only where the text uses the word for the language ("speak Zapotec").

A word of this kind is never matched loosely against the gazetteer: a people
or language word that names no known place names none ("Londoners" is not
"Londonderry", "Arabic" is not "Arabi").
"""

from __future__ import annotations

import re
from typing import Iterator

from .core import normalize

#: people and adjective forms of cities and regions no suffix rule derives
IRREGULAR_PEOPLE = {
    "muscovite": "Moscow",
    "glaswegian": "Glasgow",
    "mancunian": "Manchester",
    "liverpudlian": "Liverpool",
    "scouser": "Liverpool",
    "brummie": "Birmingham",
    "geordie": "Newcastle upon Tyne",
    "angeleno": "Los Angeles",
    "angelena": "Los Angeles",
    "neapolitan": "Naples",
    "venetian": "Venice",
    "florentine": "Florence",
    "athenian": "Athens",
    "madrileno": "Madrid",
    "madrilenian": "Madrid",
    "sydneysider": "Sydney",
    "melburnian": "Melbourne",
    "torontonian": "Toronto",
    "haligonian": "Halifax",
    "capetonian": "Cape Town",
    "cairene": "Cairo",
    "damascene": "Damascus",
    "hongkonger": "Hong Kong",
    "hong konger": "Hong Kong",
    "shanghainese": "Shanghai",
    "viennese": "Vienna",
    "milanese": "Milan",
    "mumbaikar": "Mumbai",
    "quebecois": "Quebec",
    "quebecer": "Quebec",
    "quebecker": "Quebec",
    "washingtonian": "Washington, D.C.",
}

#: languages whose name is not in the demonym tables, with the country or
#: region they are the language of (names as the gazetteer knows them)
LANGUAGE_PLACES = {
    "arabic": "Saudi Arabia",
    "mandarin": "China",
    "cantonese": "Guangdong",
    "hindi": "India",
    "urdu": "Pakistan",
    "bengali": "Bangladesh",
    "bangla": "Bangladesh",
    "farsi": "Iran",
    "hebrew": "Israel",
    "swahili": "Tanzania",
    "kiswahili": "Tanzania",
    "pashto": "Afghanistan",
    "dari": "Afghanistan",
    "tagalog": "Philippines",
    "amharic": "Ethiopia",
    "tigrinya": "Eritrea",
    "hausa": "Nigeria",
    "yoruba": "Nigeria",
    "igbo": "Nigeria",
    "zulu": "South Africa",
    "xhosa": "South Africa",
    "afrikaans": "South Africa",
    "flemish": "Flanders",
    "basque": "Basque Country",
    "castilian": "Spain",
    "gaelic": "Ireland",
    "quechua": "Peru",
    "aymara": "Bolivia",
    "guarani": "Paraguay",
    "wolof": "Senegal",
    "lingala": "Democratic Republic of the Congo",
    "kinyarwanda": "Rwanda",
    # (a language of one state or province of a great land is that state's:
    # "guides in Malayalam" of Kerala, as Cantonese is Guangdong's)
    "malayalam": "Kerala",
    "telugu": "Andhra Pradesh",
    "kannada": "Karnataka",
    "marathi": "Maharashtra",
    "gujarati": "Gujarat",
    "odia": "Odisha",
    "sundanese": "West Java",
    "oromo": "Oromia",
    "uyghur": "Xinjiang",
    "uighur": "Xinjiang",
    "baluchi": "Balochistan",
    "balochi": "Balochistan",
    "inuktitut": "Nunavut",
    "romansh": "Graubünden",
    "sinhala": "Sri Lanka",
    "maori": "New Zealand",
    "bislama": "Vanuatu",
    "papiamento": "Curaçao",
    "twi": "Ghana",
    "sesotho": "Lesotho",
    "setswana": "Botswana",
    "shona": "Zimbabwe",
    "chichewa": "Malawi",
    "luganda": "Uganda",
    "kirundi": "Burundi",
    "tamazight": "Morocco",
    "mapudungun": "Chile",
    "nahuatl": "Mexico",
    "kichwa": "Ecuador",
    "dzongkha": "Bhutan",
    "dhivehi": "Maldives",
    "tetum": "East Timor",
    # (languages of a province or region, at it: "radio in Zapotec", "speak Cebuano")
    "yucatec": "Yucatán",
    "cebuano": "Cebu",
    "ilocano": "Ilocos",
    "hiligaynon": "Western Visayas",
    "waray": "Eastern Visayas",
    "kapampangan": "Pampanga",
    "bikol": "Bicol",
    "konkani": "Goa",
    "maithili": "Bihar",
    "bhojpuri": "Bihar",
    "santali": "Jharkhand",
    "manipuri": "Manipur",
    "acehnese": "Aceh",
    "gagauz": "Gagauzia",
    "frisian": "Fryslân",
    "occitan": "Occitanie",
    "chamorro": "Guam",
    "krio": "Sierra Leone",
    "sepedi": "Limpopo",
    "xitsonga": "Limpopo",
    "tshivenda": "Limpopo",
    "siswati": "Eswatini",
    "dholuo": "Kenya",
    "kurmanji": "Kurdistan",
    "sorani": "Kurdistan",
    "malay": "Malaysia",
    "ndebele": "Zimbabwe",
    "darija": "Morocco",
    "sindhi": "Sindh",
    "tulu": "Dakshina Kannada",
    "tamasheq": "Mali",
    "seselwa": "Seychelles",
}

#: languages named like their people ("a Zapotec legend", "Navajo rugs"): a
#: place only where the text uses the word for the language, after a verb of
#: speech or "in" ("speak Zapotec", "a broadcast in Navajo"); never a people word
CUED_LANGUAGE_PLACES = {
    "zapotec": "Oaxaca State",
    "mixtec": "Oaxaca State",
    "navajo": "Navajo Nation",
    "meitei": "Manipur",
    "kalenjin": "Kenya",
    "bambara": "Mali",
    "kanuri": "Borno",
    "efik": "Cross River",
    "ibibio": "Akwa Ibom",
    "bemba": "Zambia",
    "kaqchikel": "Guatemala",
    "yupik": "Alaska",
    "bashkir": "Bashkortostan",
    "yakut": "Yakutia",
    "minangkabau": "West Sumatra",
    "mizo": "Mizoram",
    "sorbian": "Lusatia",
    # (the Tamil people of news are often Sri Lanka's: only the language is Tamil Nadu's)
    "tamil": "Tamil Nadu",
}

#: ethnic and cultural words read as the region their people come from
#: when a text names them as a place ("Hispanic" voters, "Arab" states);
#: never found as places on their own (see :func:`is_ethnic`)
ETHNIC_PLACES = {
    "hispanic": "Latin America",
    "latino": "Latin America",
    "latina": "Latin America",
    "arab": "Middle East",
}

#: words that look like a people form of a big place but mostly mean
#: something else in news ("Roman" history, "Victorian" houses, a "hamburger")
NOT_PEOPLE = {"roman", "romans", "victorian", "victorians", "hamburger", "hamburgers",
              "frankfurter", "frankfurters", "bohemian", "bohemians", "wiener", "berliner zeitung",
              "elizabethan", "edwardian", "georgian era", "trojan", "trojans", "spartan", "spartans",
              "christian", "christians", "martian", "martians", "indiana", "israelite", "israelites"}

#: first words that, before a demonym, name a part of the demonym's place
REGION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                "southwest", "north east", "north west", "south east", "south west",
                "northern", "southern", "eastern", "western", "central", "latin", "sub saharan",
                "middle"}

_SUFFIXES = ("ites", "ite", "ians", "ian", "ans", "an", "ers", "er", "ese")
_VOWELS = ("", "a", "o", "e", "i", "ia")
#: ... before "-ers" ("Dubliners", "Hamiltoners"; "Cape Towners")
_ER_VOWELS = ("", "e")
_WORD = re.compile(r"^[a-z][a-z ]*[a-z]$")


def people_forms(word: str) -> Iterator[str]:
    """The place names a people or adjective word may be formed from by the
    suffix rule, most likely first ("Parisians" -> "Paris", "Parisa", ...)."""
    key = normalize(word)
    if not _WORD.match(key) or key in NOT_PEOPLE:
        return
    for suf in _SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            stem = key[:-len(suf)]
            # ("-ers" follows a name as it is, "Londoners", "New Yorkers": a vowel
            # put back before it makes a trade's word a town's people, "Ranchers" of Ranchi)
            for v in (_ER_VOWELS if suf in ("ers", "er") else _VOWELS):
                if len(stem + v) >= 4:  # not an abbreviation ("Texian" is no "Tex.")
                    yield stem + v
            return


def singular(word: str) -> str:
    """The normalised word without a plural "-s" ("Mancunians" -> "mancunian")."""
    key = normalize(word)
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def irregular_place(word: str) -> str | None:
    """The place an irregular people form or a listed language names, or None."""
    key = normalize(word)
    return (IRREGULAR_PEOPLE.get(singular(word)) or IRREGULAR_PEOPLE.get(key)
            or LANGUAGE_PLACES.get(key))


def ethnic_place(word: str) -> str | None:
    """The region an ethnic or cultural word names ("Hispanics" -> Latin America), or None."""
    return ETHNIC_PLACES.get(singular(word))


def is_ethnic(word: str) -> bool:
    """An ethnic or cultural word ("Hispanics", "Arab"): it names a region
    when a text's place is given, but is not found as a place on its own."""
    return singular(word) in ETHNIC_PLACES


def compound_parts(word: str) -> tuple[str, str] | None:
    """("south east", "asian") for "South East Asian": a region word and the
    demonym after it, or None."""
    key = normalize(word)
    parts = key.split(" ")
    for k in (2, 1):
        if len(parts) == k + 1 and " ".join(parts[:k]) in REGION_WORDS:
            return " ".join(parts[:k]), parts[k]
    return None


def looks_like_people_word(word: str) -> bool:
    """A capitalised word with a people or language ending ("Londoners",
    "Arabic", "Parisian"): never matched loosely against place names."""
    key = normalize(word)
    if irregular_place(word) or is_ethnic(word):
        return True
    return bool(_WORD.match(key)) and key.endswith(("ers", "ites", "ians", "ans"))
