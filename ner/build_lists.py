#!/usr/bin/env python3
"""Derives the NER gazetteer lists in data/ner/lists/ and data/ner/aliases.tsv from ../shared/gazetteers.

Run by scripts/train-ner.sh before training (the model's gazetteer features depend on these lists, and the
model records their digest). Output is deterministic: entries are de-duplicated case-insensitively and sorted.
Each list file starts with '#' lines naming its sources and licences (see data/ner/README.md).
"""
import csv
import json
import re
import sys
from pathlib import Path

csv.field_size_limit(10_000_000)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_lst(path):
    """GATE .lst: one entry per line, optional ':key=value' features after the entry."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            match = re.search(r":[a-zA-Z_]+=", line)
            if match:
                line = line[: match.start()]
            if line.strip():
                yield line.strip()


COMPANY_SUFFIX = re.compile(
    r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|LLC|L\.P\.|LP|"
    r"N\.V\.|S\.A\.|AG|SE|Holdings?|Group|Trust|Fund|Bancorp|& Co\.?))+$"
)


def company_name(raw):
    name = re.split(r"\s+-\s+", raw)[0].strip()
    stripped = COMPANY_SUFFIX.sub("", name).strip(" ,")
    return [n for n in {name, stripped} if len(n) >= 2]


class Lists:
    def __init__(self):
        self.entries = {}
        self.sources = {}

    def add(self, list_name, value, source):
        value = " ".join(value.split())
        if len(value) < 2 or len(value) > 80:
            return
        bucket = self.entries.setdefault(list_name, {})
        bucket.setdefault(value.lower(), value)
        self.sources.setdefault(list_name, set()).add(source)

    def write(self, out_dir, licences):
        out_dir.mkdir(parents=True, exist_ok=True)
        for list_name in sorted(self.entries):
            values = sorted(self.entries[list_name].values(), key=lambda v: (v.lower(), v))
            with open(out_dir / f"{list_name}.txt", "w", encoding="utf-8", newline="\n") as handle:
                handle.write(f"# newsdex NER gazetteer list '{list_name}': {len(values)} entries, one per line.\n")
                handle.write("# Derived by ner/build_lists.py from ../shared/gazetteers:\n")
                for source in sorted(self.sources[list_name]):
                    handle.write(f"#   {source} ({licence_of(source)})\n")
                for value in values:
                    handle.write(value + "\n")
            print(f"{list_name}: {len(values)}", file=sys.stderr)


LICENCES = {
    "countries": "ODbL 1.0 mledoze/countries; Apache-2.0 OpenSextant; LGPL-2.1+ iso-codes",
    "iso3166": "LGPL-2.1+ iso-codes",
    "geonames_cities": "CC BY 4.0, data: GeoNames (geonames.org)",
    "us_states": "GPL Ecdat (facts)",
    "given_names": "public domain SSA; GNU FDL 1.2+ firstname-database",
    "famous_people": "public domain CIA World Factbook / CC0 congress-legislators",
    "organisations": "CC BY-SA 4.0 supraverden; PDDL datasets; public domain Factbook; CC0 dotgov-data",
    "org_cues": "LGPL-3.0 GATE ANNIE; MIT cleanco",
    "titles": "LGPL-3.0 GATE ANNIE; Apache-2.0 OpenSextant; public domain Factbook",
    "gate_annie": "LGPL-3.0 GATE ANNIE",
}


FILE_LICENCES = {
    "countries/countries.tsv": "ODbL 1.0, mledoze/countries",
    "countries/country_name_variants.tsv": "ODbL 1.0 mledoze/countries; LGPL-2.1+ iso-codes; Apache-2.0 OpenSextant",
    "countries/nationalities_opensextant.csv": "Apache-2.0, OpenSextant",
    "given_names/ssa_us_given_names_1880_2023.tsv": "public domain, US SSA",
    "given_names/firstnames_multicountry_compact.tsv": "GNU FDL 1.2+, firstname-database",
    "organisations/international_bodies_supraverden.tsv": "CC BY-SA 4.0, supraverden",
    "organisations/sp500_constituents.csv": "ODC-PDDL-1.0, datasets/s-and-p-500-companies",
    "organisations/us_listed_companies.tsv": "ODC-PDDL-1.0, datasets/nasdaq-listings",
    "organisations/us_federal_agencies_dotgov.tsv": "CC0 1.0, cisagov/dotgov-data",
    "org_cues/org_cue_words_gate.tsv": "LGPL-3.0, GATE ANNIE",
    "org_cues/company_legal_suffixes_cleanco.tsv": "MIT, cleanco",
    "org_cues/org_name_words_derived.tsv": "derived from the organisation lists: public domain, CC0, PDDL, CC BY-SA 4.0",
    "titles/person_titles_merged.tsv": "LGPL-3.0 GATE ANNIE; Apache-2.0 OpenSextant",
    "titles/opensextant_person-title-filter.txt": "Apache-2.0, OpenSextant",
    "us_states/us_states.tsv": "facts from Ecdat (GPL) and iso-codes (LGPL-2.1+)",
}


def licence_of(source):
    if source in FILE_LICENCES:
        return FILE_LICENCES[source]
    folder = source.split("/")[0]
    if source.startswith("organisations/"):
        return "public domain, CIA World Factbook"
    return LICENCES[folder]


def build_people(g, lists):
    for row in read_tsv(g / "given_names/ssa_us_given_names_1880_2023.tsv"):
        if int(row["total_births_1880_2023"]) >= 2000:
            lists.add("first_name", row["name"], "given_names/ssa_us_given_names_1880_2023.tsv")
    for row in read_tsv(g / "given_names/firstnames_multicountry_compact.tsv"):
        if int(row["max_freq_code"]) >= -6 and "+" not in row["name"]:
            lists.add("first_name", row["name"], "given_names/firstnames_multicountry_compact.tsv")
    for lst in ("person_male.lst", "person_female.lst", "person_first.lst"):
        for name in read_lst(g / "gate_annie" / lst):
            lists.add("first_name", name, f"gate_annie/{lst}")

    full_names = []
    for row in read_tsv(g / "famous_people/politicians_factbook_1990_2025.tsv"):
        full_names.append((row["name"], "famous_people/politicians_factbook_1990_2025.tsv"))
    for row in read_tsv(g / "famous_people/world_leaders_factbook.tsv"):
        full_names.append((row["name"], "famous_people/world_leaders_factbook.tsv"))
    for file in ("us_presidents_vice_presidents.tsv", "us_congress_current.tsv"):
        for row in read_tsv(g / "famous_people" / file):
            for key in ("name", "official_full"):
                if row.get(key):
                    full_names.append((row[key], f"famous_people/{file}"))
            if row.get("first") and row.get("last"):
                full_names.append((row["first"] + " " + row["last"], f"famous_people/{file}"))
    for lst in ("person_full.lst", "cabinet_ministers.lst", "foreign_ministers.lst"):
        for name in read_lst(g / "gate_annie" / lst):
            full_names.append((name, f"gate_annie/{lst}"))
    for name, source in full_names:
        words = name.split()
        if len(words) < 2 or any(ch.isdigit() for ch in name):
            continue
        lists.add("person_full", name, source)
        # Factbook full forms carry middle names and patronymics; news usually writes first + last.
        lists.add("person_full", words[0] + " " + words[-1], source)
        if len(words[-1]) >= 3 and words[-1][0].isupper():
            lists.add("surname", words[-1], source)
    for name in read_lst(g / "gate_annie/person_celebrity_surname.lst"):
        lists.add("surname", name, "gate_annie/person_celebrity_surname.lst")

    for row in read_tsv(g / "titles/person_titles_merged.tsv"):
        lists.add("title", row["title"], "titles/person_titles_merged.tsv")
    for line in open(g / "titles/opensextant_person-title-filter.txt", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            lists.add("title", line.strip(), "titles/opensextant_person-title-filter.txt")


def build_places(g, lists):
    demonyms = set()
    for row in read_tsv(g / "countries/country_name_variants.tsv"):
        kind = row["kind"]
        if kind in ("demonym", "nationality_lc"):
            lists.add("demonym", row["name"], "countries/country_name_variants.tsv")
            demonyms.add(row["name"].lower())
        elif kind != "capital" and not kind.startswith("former") and "," not in row["name"]:
            lists.add("country", row["name"], "countries/country_name_variants.tsv")
    for row in read_tsv(g / "countries/countries.tsv"):
        for key in ("demonym_m", "demonym_f"):
            lists.add("demonym", row[key], "countries/countries.tsv")
        for capital in row["capitals"].split("|"):
            lists.add("city", capital, "countries/countries.tsv")
    with open(g / "countries/nationalities_opensextant.csv", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#") and "," in line:
                lists.add("demonym", line.split(",")[0].strip(), "countries/nationalities_opensextant.csv")
    for lst in ("country_adj.lst",):
        for name in read_lst(g / "gate_annie" / lst):
            lists.add("demonym", name, f"gate_annie/{lst}")
    for lst in ("country.lst",):
        for name in read_lst(g / "gate_annie" / lst):
            if name.lower() not in demonyms:
                lists.add("country", name, f"gate_annie/{lst}")

    for row in read_tsv(g / "geonames_cities/cities15000.tsv"):
        for key in ("name", "asciiname"):
            lists.add("city", row[key], "geonames_cities/cities15000.tsv")
    for name in read_lst(g / "gate_annie/city.lst"):
        lists.add("city", name, "gate_annie/city.lst")

    for row in read_tsv(g / "geonames_cities/admin1_regions.tsv"):
        for key in ("name", "name_ascii"):
            lists.add("region", row[key], "geonames_cities/admin1_regions.tsv")
    for row in read_tsv(g / "us_states/us_states.tsv"):
        lists.add("region", row["name"], "us_states/us_states.tsv")
        for abbrev in [row["ap_abbrev"]] + row["other_abbrevs"].split("|"):
            if abbrev.endswith(".") and len(abbrev) > 3:
                lists.add("region", abbrev, "us_states/us_states.tsv")
    for row in read_tsv(g / "iso3166/subdivisions.tsv"):
        if row["type"] in ("State", "Province", "Region", "Governorate", "Prefecture", "Autonomous republic",
                           "Autonomous region", "Federal district", "Emirate", "Canton", "Land"):
            lists.add("region", row["name"], "iso3166/subdivisions.tsv")
    for lst in ("region.lst", "province.lst", "mountain.lst", "water.lst", "loc_other.lst"):
        for name in read_lst(g / "gate_annie" / lst):
            lists.add("region", name, f"gate_annie/{lst}")
    for lst in ("loc_key.lst", "loc_generalkey.lst"):
        for name in read_lst(g / "gate_annie" / lst):
            lists.add("loc_cue", name, f"gate_annie/{lst}")


def build_organisations(g, lists):
    src = "organisations/international_bodies_supraverden.tsv"
    for row in read_tsv(g / src):
        lists.add("organisation", row["name_en"], src)
        for value in row["abbrev_en"].split("|") + row["other_names_en"].split("|"):
            lists.add("organisation", value, src)
    for file in ("political_parties_factbook_1990_2025.tsv", "pressure_groups_factbook_1990_2019.tsv",
                 "terrorist_groups_factbook_2018_2025.tsv"):
        for row in read_tsv(g / "organisations" / file):
            lists.add("organisation", row["name"], f"organisations/{file}")
            if len(row["abbrev"]) >= 2 and not row["abbrev"].islower():
                lists.add("organisation", row["abbrev"], f"organisations/{file}")
    for row in read_tsv(g / "organisations/us_federal_agencies_dotgov.tsv"):
        lists.add("organisation", row["name"], "organisations/us_federal_agencies_dotgov.tsv")
    for lst in ("organization.lst", "government.lst", "political_party.lst", "newspapers.lst", "agency.lst",
                "charities.lst", "nba-teams.lst", "nfl-teams.lst", "mlb-teams.lst", "team.lst", "tvcompany.lst",
                "department.lst", "ministry.lst"):
        for name in read_lst(g / "gate_annie" / lst):
            lists.add("organisation", name, f"gate_annie/{lst}")

    with open(g / "organisations/sp500_constituents.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in company_name(row["Security"]):
                lists.add("company", name, "organisations/sp500_constituents.csv")
    for row in read_tsv(g / "organisations/us_listed_companies.tsv"):
        for name in company_name(row["company"]):
            lists.add("company", name, "organisations/us_listed_companies.tsv")
    for lst in ("company.lst", "companies_uk.lst", "more_company.lst"):
        for name in read_lst(g / "gate_annie" / lst):
            lists.add("company", name, f"gate_annie/{lst}")

    for row in read_tsv(g / "org_cues/org_cue_words_gate.tsv"):
        if row["category"] in ("org_head_noun", "org_key_word", "government_key", "newspaper_ending"):
            lists.add("org_cue", row["cue"].title() if row["cue"].isupper() else row["cue"],
                      "org_cues/org_cue_words_gate.tsv")
        elif row["category"] == "company_designator":
            lists.add("company_suffix", row["cue"], "org_cues/org_cue_words_gate.tsv")
    # Words frequent inside real organisation names ("Energy", "Labs", "National"): evidence for names the
    # lists do not hold.
    for row in read_tsv(g / "org_cues/org_name_words_derived.tsv"):
        if int(row["total"]) >= 5 and row["word"][:1].isupper():
            lists.add("org_word", row["word"], "org_cues/org_name_words_derived.tsv")
    for row in read_tsv(g / "org_cues/company_legal_suffixes_cleanco.tsv"):
        suffix = row["suffix_lc"]
        if suffix.isascii() and len(suffix) >= 2:
            lists.add("company_suffix", suffix, "org_cues/company_legal_suffixes_cleanco.tsv")


CONTENT_WORD_SKIP = {"of", "the", "and", "for", "on", "in", "de", "&", "des", "du", "la", "le", "di", "y", "et"}


def initials(name):
    """Initials of the content words ("General Motors" -> "GM"); the same rule as name_forms.cpp's initials."""
    words = [w for w in re.split(r"[\s]+", name) if w and w.lower() not in CONTENT_WORD_SKIP]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def party_forms(name):
    """News forms of a one-adjective party name: "Democratic Party" -> Democrat, Democrats; "Conservative
    Party" -> Conservative, Conservatives (other adjectives, such as "New" or "Green", are ordinary words).
    A plural name gets its singular ("Liberal Democrats" -> "Liberal Democrat")."""
    forms = []
    match = re.fullmatch(r"([A-Z][a-z]+) Party", name)
    if match:
        adjective = match.group(1)
        if adjective.endswith("ic"):
            forms += [adjective[:-2], adjective[:-2] + "s"]  # Democratic -> Democrat(s)
        elif adjective.endswith(("ive", "an", "ist")):
            forms += [adjective, adjective + "s"]  # Conservative(s), Republican(s), Socialist(s)
    elif re.fullmatch(r"(?:[A-Z][a-z]+ )+[A-Z][a-z]+s", name) and not name.endswith("ss"):
        forms.append(name[:-1])  # Liberal Democrats -> Liberal Democrat
    return forms


def company_aliases(g):
    """Stock symbols that are the initials of the company's name ("GM" -> General Motors), which news copy
    uses as the company's short name; other symbols (KO, T, MMM) are not names."""
    names = {}
    with open(g / "organisations/sp500_constituents.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names.setdefault(row["Symbol"], []).append(row["Security"])
    for row in read_tsv(g / "organisations/us_listed_companies.tsv"):
        names.setdefault(row["symbol"], []).append(row["company"])
    aliases = {}
    for symbol, raws in sorted(names.items()):
        if not (2 <= len(symbol) <= 4 and symbol.isalpha() and symbol.isupper()):
            continue
        for raw in raws:
            name = min(company_name(raw), key=len, default="")  # without "Inc", "Corp" ...
            if len(name.split()) >= 2 and initials(name) == symbol:
                aliases[symbol] = name
                break
    return aliases


def build_aliases(g, out_path):
    """alias<TAB>canonical<TAB>type: country variants -> common name (place); international body, party and
    company abbreviations and news forms -> name (organisation)."""
    aliases = {}
    commons = {}
    countries = set()
    for row in read_tsv(g / "countries/countries.tsv"):
        commons[row["cca2"]] = row["name_common"]
        countries.add(row["name_common"])
    for row in read_tsv(g / "countries/country_name_variants.tsv"):
        if row["kind"] in ("alt", "official", "iso_name", "iso_common", "iso_official") and row["code"] in commons:
            name = row["name"]
            if "," not in name and name != commons[row["code"]] and (len(name) > 3 or name.isupper()):
                aliases.setdefault(name, commons[row["code"]])
    for row in read_tsv(g / "organisations/international_bodies_supraverden.tsv"):
        for value in row["abbrev_en"].split("|") + row["other_names_en"].split("|"):
            if value and value != row["name_en"] and len(value) >= 2:
                # A short abbreviation is too ambiguous unless it is the initials ("EC" is not "Citizens
                # Encounter"; "EU" is the European Union).
                if len(value) <= 3 and value.isupper() and initials(row["name_en"]) != value:
                    continue
                aliases.setdefault(value, row["name_en"])
    # Political parties: the Factbook's abbreviation, the alternatives it gives in parentheses ("Liberal
    # Democrats (Lib Dems)"), and the news forms of one-adjective names (party_forms); forms that stand for
    # two differently named parties are left out.
    parties = {}
    party_names = {row["party_name"].strip() for row in read_tsv(g / "organisations/political_parties_factbook_current.tsv")}
    for row in read_tsv(g / "organisations/political_parties_factbook_current.tsv"):
        name = row["party_name"].strip()
        if not name:
            continue
        forms = []
        abbrev = row["abbrev"].strip()
        if 2 <= len(abbrev) <= 8 and abbrev.replace("-", "").isalpha() and abbrev.isupper():
            if len(abbrev) > 3 or initials(name) == abbrev:  # "EC" of a Venezuelan party is not the EC
                forms.append(abbrev)
        for alternative in re.findall(r"\(([^()]+)\)", row["raw_text"]):
            alternative = alternative.strip()
            words = alternative.split()
            if (alternative[:1].isupper() and (2 <= len(words) <= 4 or alternative.isupper())
                    and alternative not in commons.values() and alternative not in party_names):
                if alternative.lower().replace("labour", "labor") != name.lower():
                    if not re.fullmatch(r"(?:Northern Ireland|Scotland|Wales|England)", alternative):
                        forms.append(alternative)
        forms += party_forms(name)
        for alternative in list(forms):
            forms += party_forms(alternative)
        for form in forms:
            if form != name and form not in countries:
                parties.setdefault(form, set()).add(name)
    for alias, names in sorted(parties.items()):
        if len(names) == 1:  # an abbreviation two parties share ("SNP") names neither
            aliases.setdefault(alias, names.pop())
    for alias, name in company_aliases(g).items():
        aliases.setdefault(alias, name)
    # Spellings that news copy uses and the lists lack (general news usage, not any collection's names).
    extra = {"U.S.": "United States", "U.S": "United States", "U.S.A.": "United States", "US": "United States",
             "USA": "United States", "America": "United States", "U.N.": "United Nations", "UN": "United Nations",
             "U.K.": "United Kingdom", "U.K": "United Kingdom", "UK": "United Kingdom", "Britain": "United Kingdom",
             "Great Britain": "United Kingdom", "E.U.": "European Union", "EU": "European Union",
             "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union", "W. Germany": "West Germany",
             "E. Germany": "East Germany",
             "North Atlantic Treaty Organization": "North Atlantic Treaty Organisation",
             "Central Intelligence Agency": "CIA", "Federal Bureau of Investigation": "FBI",
             "Fed": "Federal Reserve", "Federal Reserve Board": "Federal Reserve",
             "Federal Reserve System": "Federal Reserve",
             "Board of Governors of the Federal Reserve": "Federal Reserve",
             "Board of Governors of the Federal Reserve System": "Federal Reserve",
             "ECB": "European Central Bank", "BoE": "Bank of England", "BoJ": "Bank of Japan",
             "Tories": "Conservative Party", "Tory": "Conservative Party", "Tory Party": "Conservative Party",
             "Conservative and Unionist Party": "Conservative Party", "Conservatives": "Conservative Party",
             "Conservative": "Conservative Party",
             "Labour": "Labour Party", "Labor": "Labor Party", "Lib Dems": "Liberal Democrats",
             "Lib Dem": "Liberal Democrats", "LibDems": "Liberal Democrats", "Liberal Democrat": "Liberal Democrats",
             "Liberal Democrat Party": "Liberal Democrats",
             "Democrats": "Democratic Party", "Democrat": "Democratic Party",
             "Republicans": "Republican Party", "Republican": "Republican Party", "GOP": "Republican Party"}
    aliases.update(extra)
    place_names = set(commons.values()) | {"United States", "United Kingdom", "Soviet Union", "West Germany",
                                           "East Germany"}
    with open(out_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("# alias<TAB>canonical name<TAB>type of the canonical name (place or organisation).\n")
        handle.write("# Derived by ner/build_lists.py from ../shared/gazetteers:\n")
        handle.write(f"#   countries/countries.tsv, countries/country_name_variants.tsv ({LICENCES['countries']})\n")
        handle.write("#   organisations/international_bodies_supraverden.tsv (CC BY-SA 4.0 supraverden)\n")
        handle.write("#   organisations/political_parties_factbook_current.tsv (public domain CIA World Factbook)\n")
        handle.write("#   organisations/us_listed_companies.tsv, sp500_constituents.csv (PDDL): symbols that are initials\n")
        handle.write("#   plus hand-written news spellings and party nicknames (U.S., Fed, Tories, Lib Dems ...) at the end\n")
        handle.write("#   of build_aliases\n")
        for alias in sorted(aliases, key=lambda a: (a.lower(), a)):
            kind = "place" if aliases[alias] in place_names else "organisation"
            handle.write(f"{alias}\t{aliases[alias]}\t{kind}\n")
    print(f"aliases: {len(aliases)}", file=sys.stderr)


# Names that are none of person, organisation or place, by category (hand-written, general news usage;
# the GATE lists below add holidays, currencies, months and days).
NON_ENTITIES = {
    "sign-off": ["Reuter", "Reuters", "AP", "AFP", "UPI", "PA", "DPA", "AAP", "Xinhua", "ANSA", "EFE", "Kyodo"],
    "award": ["Oscar", "Oscars", "Academy Award", "Academy Awards", "Golden Globe", "Golden Globes", "Grammy",
              "Grammys", "Grammies", "Emmy", "Emmys", "Bafta", "Baftas", "BAFTA", "BAFTAs", "Brit Award",
              "Brit Awards", "Brits", "Tony Award", "Tony Awards", "Olivier Award", "Olivier Awards", "Nobel Prize",
              "Nobel Peace Prize", "Booker Prize", "Man Booker Prize", "Pulitzer Prize", "Pulitzer", "Palme d'Or",
              "Turner Prize", "Mercury Prize", "Ballon d'Or", "Victoria Cross", "MBE", "OBE", "CBE", "Golden Bear",
              "Golden Lion", "Whitbread Prize"],
    "product": ["PC", "PCs", "DVD", "DVDs", "CD", "CDs", "CD-ROM", "CD-Roms", "MP3", "MP3s", "iPod", "iPods",
                "iPhone", "iPad", "iTunes", "PlayStation", "Playstation", "PlayStation 2", "Playstation 2",
                "PlayStation 3", "Playstation 3", "PS2", "PS3", "PSP", "PSPs", "Xbox", "Xbox 360", "GameCube",
                "Wii", "Nintendo DS", "Game Boy", "Walkman", "Windows", "Windows XP", "Windows Vista", "Linux",
                "Blu-ray", "HD-DVD", "HD DVD", "HDTV", "TV", "TVs", "LCD", "VCR", "VHS", "GPS", "SMS", "MMS", "Wi-Fi",
                "WiFi", "Bluetooth", "VoIP", "3G", "4G", "5G", "DAB", "Internet", "Net", "Web", "World Wide Web",
                "Email", "E-mail", "Firefox", "Internet Explorer", "Java", "Flash", "Boeing 747", "Airbus A380",
                "Concorde", "Viagra", "Prozac", "Aspirin", "Botox"],
    "economic term": ["GDP", "GNP", "CPI", "RPI", "PMI", "PPI", "Libor", "LIBOR", "Euribor", "AAA", "BBB", "EPS", "IPO", "IPOs", "M&A", "FTSE 100", "Footsie", "Dow", "Dow Jones Industrial Average",
                      "Nasdaq Composite", "S&P 500", "Nikkei", "Nikkei 225", "Hang Seng", "Treasuries", "Eurobond",
                      "Eurobonds"],
    "competition": ["Premier League", "Premiership", "Champions League", "Europa League", "UEFA Cup", "FA Cup",
                    "League Cup", "Carling Cup", "World Cup", "Euro 2004", "Euro 2008", "Six Nations", "Heineken Cup",
                    "Super Bowl", "World Series", "Olympics", "Olympic Games", "Commonwealth Games", "Paralympics",
                    "Tour de France", "Grand Prix", "Grand National", "Ryder Cup", "Davis Cup", "Australian Open",
                    "US Open", "French Open", "Eurovision", "Eurovision Song Contest", "Serie A", "La Liga",
                    "Bundesliga", "Ligue 1", "Champions Trophy", "Tri-Nations", "Grand Slam"],
    "religion": ["Islam", "Christianity", "Judaism", "Buddhism", "Hinduism", "Sikhism", "Muslim", "Muslims", "Moslem",
                 "Moslems", "Christian", "Christians", "Jew", "Jews", "Jewish", "Catholic", "Catholics", "Protestant",
                 "Protestants", "Hindu", "Hindus", "Sikh", "Sikhs", "Buddhist", "Buddhists", "Sunni", "Sunnis", "Shia",
                 "Shiite", "Shiites", "Shi'ite", "Shi'ites", "Anglican", "Anglicans", "Orthodox", "Islamist",
                 "Islamists", "Koran", "Quran", "Bible", "God", "Allah"],
    "currency": ["dlr", "dlrs", "dollar", "dollars", "stg", "sterling", "yen", "euro", "euros", "ecu", "ecus",
                 "franc", "francs", "mark", "marks", "lire", "pesos", "rupees", "crowns", "cruzados"],
    "holiday": ["Christmas", "Easter", "Ramadan", "Eid", "Hanukkah", "Diwali", "Thanksgiving", "New Year", "Lent"],
}
NON_ENTITY_GATE = {"holiday": "festival.lst", "currency": "currency_unit.lst", "date": ["months.lst", "day.lst"]}


def build_non_entities(g, out_path, lists):
    """name<TAB>category: names that are not people, organisations or places. GATE entries that are also
    names in the person, place or organisation lists ("May", "Sun", "Bastille") are left out."""
    names_elsewhere = set()
    for list_name in ("first_name", "surname", "person_full", "city", "country", "region", "organisation", "company"):
        names_elsewhere |= set(lists.entries.get(list_name, {}))
    entries = {}
    for category, files in NON_ENTITY_GATE.items():
        for file in [files] if isinstance(files, str) else files:
            for value in read_lst(g / "gate_annie" / file):
                value = " ".join(value.split())
                if len(value) >= 3 and value[0].isupper() and not value.endswith(".") and value.lower() not in names_elsewhere:
                    entries.setdefault(value.lower(), (value, category))
    for category, values in NON_ENTITIES.items():
        for value in values:
            if category != "currency" or value.lower() not in names_elsewhere:  # "Mark", "Franc" are names
                entries[value.lower()] = (value, category)
    with open(out_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("# name<TAB>category: names that are not people, organisations or places (docs/entities.md).\n")
        handle.write("# Derived by ner/build_lists.py: gate_annie/festival.lst, currency_unit.lst, months.lst, day.lst\n")
        handle.write(f"#   ({LICENCES['gate_annie']}), without names that are also in the person, place or organisation\n")
        handle.write("#   lists; plus the hand-written NON_ENTITIES of build_lists.py. A 'sign-off' counts only as the\n")
        handle.write("#   last word of an article.\n")
        for _, (value, category) in sorted(entries.items()):
            handle.write(f"{value}\t{category}\n")
    print(f"non-entities: {len(entries)}", file=sys.stderr)


def build_demonyms(g, out_path):
    """demonym<TAB>country common name: lets "Israeli" tagged as a place count for Israel."""
    commons, by_cca3 = {}, {}
    for row in read_tsv(g / "countries/countries.tsv"):
        commons[row["cca2"]] = row["name_common"]
        by_cca3[row["cca3"]] = row["name_common"]
    demonyms = {}
    # UN members first, so that "American" is the United States and not one of its territories.
    rows = sorted(read_tsv(g / "countries/countries.tsv"), key=lambda row: row["un_member"] != "True")
    for row in rows:
        for key in ("demonym_m", "demonym_f"):
            if row[key]:
                demonyms.setdefault(row[key], row["name_common"])
    for row in read_tsv(g / "countries/country_name_variants.tsv"):
        if row["kind"] == "demonym" and row["code"] in commons:
            demonyms.setdefault(row["name"], commons[row["code"]])
    with open(g / "countries/nationalities_opensextant.csv", encoding="utf-8") as handle:
        for line in handle:
            parts = [part.strip() for part in line.split(",")]
            if line.startswith("#") or len(parts) < 2 or parts[1] not in by_cca3:
                continue
            name = parts[0][:1].upper() + parts[0][1:]
            demonyms.setdefault(name, by_cca3[parts[1]])
    with open(out_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("# nationality adjective or demonym<TAB>country. Derived by ner/build_lists.py from ../shared/gazetteers:\n")
        handle.write(f"#   countries/countries.tsv, country_name_variants.tsv, nationalities_opensextant.csv ({LICENCES['countries']})\n")
        for name in sorted(demonyms, key=lambda a: (a.lower(), a)):
            if any(word[:1].islower() for word in name.split()):
                continue
            handle.write(f"{name}\t{demonyms[name]}\n")
    print(f"demonyms: {len(demonyms)}", file=sys.stderr)


def main():
    repo = Path(__file__).resolve().parent.parent
    gazetteers = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared" / "gazetteers"
    out = repo / "data" / "ner"
    if not gazetteers.is_dir():
        sys.exit(f"build_lists.py: {gazetteers} not found (pass the gazetteers folder as the first argument)")
    lists = Lists()
    build_people(gazetteers, lists)
    build_places(gazetteers, lists)
    build_organisations(gazetteers, lists)
    lists.write(out / "lists", LICENCES)
    build_aliases(gazetteers, out / "aliases.tsv")
    build_demonyms(gazetteers, out / "demonyms.tsv")
    build_non_entities(gazetteers, out / "non_entities.tsv", lists)


if __name__ == "__main__":
    main()
