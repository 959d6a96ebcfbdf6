#!/usr/bin/env python3
"""Builds the development entity gold on Reuters-21578 (bench/entities/reuters_gold.json).

For each entity below: the articles whose title or body names it under one of its aliases, by the
matching rules of bench/entities/README.md, minus the matches removed after reading (REMOVED) and
plus the articles added after reading (ADDED). Only ids go into the gold, never article text.

    python3 bench/entities/make_gold.py                  # writes reuters_gold.json
    python3 bench/entities/make_gold.py --check          # exit 1 if reuters_gold.json is out of date
    python3 bench/entities/make_gold.py --contexts DIR   # also writes, per entity, every matched context
                                                          # (and the excluded ones) for reading; not committed

The articles are those corpus/tools/reuters_to_jsonl.py writes (the 19,043 stories with a body, ids
"reuters-NEWID"), read from --jsonl or converted from ../shared/corpora/reuters21578.
Standard library only.
"""
import argparse
import json
import os
import pathlib
import random
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = pathlib.Path(os.environ.get("NEWSDEX_SHARED_DIR", REPO.parent / "shared"))
GOLD = HERE / "reuters_gold.json"
DEFAULT_JSONL = REPO / "bench" / "work" / "reuters.jsonl"  # the file bench/run's indexing part converts

# Each entity: id, type (person / organisation / place), name, aliases (surface forms matched as whole
# words, case-sensitively in the body, in capitals in the all-capitals title), and `not` (longer names a
# match may sit inside without being a mention: a match inside one of them does not count). A surname
# listed in `surname` counts only when the article names no other person in `others` (people with the
# same surname, whose bare surname then belongs to them).
ENTITIES = [
    # ---- people
    {"id": "ronald-reagan", "type": "person", "name": "Ronald Reagan",
     "aliases": ["Ronald Reagan", "Reagan"], "not": [r"Nancy Reagan", r"Reagan National", r"Mrs\.? Reagan"]},
    {"id": "james-baker", "type": "person", "name": "James Baker",
     "aliases": ["James Baker", "James A. Baker", "Baker"], "surname": "Baker",
     "others": ["Howard Baker", "Howard H. Baker"],
     "not": [r"Baker Hughes", r"Baker International", r"J\. Baker", r"Baker,? Fentress", r"Michael Baker",
             r"Baker Communications", r"Baker Industries", r"Baker \(J\)", r"Baker Inc", r"Baker Corp",
             r"Howard (?:H\. )?Baker"]},
    {"id": "howard-baker", "type": "person", "name": "Howard Baker",
     "aliases": ["Howard Baker", "Howard H. Baker"]},
    {"id": "paul-volcker", "type": "person", "name": "Paul Volcker", "aliases": ["Paul Volcker", "Volcker"]},
    {"id": "clayton-yeutter", "type": "person", "name": "Clayton Yeutter",
     "aliases": ["Clayton Yeutter", "Yeutter"]},
    {"id": "yasuhiro-nakasone", "type": "person", "name": "Yasuhiro Nakasone",
     "aliases": ["Yasuhiro Nakasone", "Nakasone"]},
    {"id": "kiichi-miyazawa", "type": "person", "name": "Kiichi Miyazawa",
     "aliases": ["Kiichi Miyazawa", "Miyazawa"]},
    {"id": "nigel-lawson", "type": "person", "name": "Nigel Lawson", "aliases": ["Nigel Lawson", "Lawson"],
     "not": [r"Lawson Mardon", r"Lawson Products", r"Lawson Co", r"Moss Lawson"]},
    {"id": "gerhard-stoltenberg", "type": "person", "name": "Gerhard Stoltenberg",
     "aliases": ["Gerhard Stoltenberg", "Stoltenberg"], "not": [r"Thorvald Stoltenberg"]},
    {"id": "richard-lyng", "type": "person", "name": "Richard Lyng", "aliases": ["Richard Lyng", "Lyng"]},
    {"id": "edouard-balladur", "type": "person", "name": "Edouard Balladur",
     "aliases": ["Edouard Balladur", "Balladur"]},
    {"id": "alan-greenspan", "type": "person", "name": "Alan Greenspan",
     "aliases": ["Alan Greenspan", "Greenspan"]},
    {"id": "jaime-ongpin", "type": "person", "name": "Jaime Ongpin", "aliases": ["Jaime Ongpin", "Ongpin"]},
    {"id": "satoshi-sumita", "type": "person", "name": "Satoshi Sumita",
     "aliases": ["Satoshi Sumita", "Sumita"]},
    {"id": "karl-otto-poehl", "type": "person", "name": "Karl Otto Poehl",
     "aliases": ["Karl Otto Poehl", "Karl-Otto Poehl", "Poehl", "Pohl"], "not": [r"(?:Hermann|Reinhard) Pohl"]},
    {"id": "barber-conable", "type": "person", "name": "Barber Conable",
     "aliases": ["Barber Conable", "Conable"]},
    {"id": "margaret-thatcher", "type": "person", "name": "Margaret Thatcher",
     "aliases": ["Margaret Thatcher", "Thatcher"], "not": [r"Thatcher Glass"]},
    {"id": "subroto", "type": "person", "name": "Subroto", "aliases": ["Subroto"]},
    {"id": "john-herrington", "type": "person", "name": "John Herrington",
     "aliases": ["John Herrington", "Herrington"]},
    {"id": "willy-de-clercq", "type": "person", "name": "Willy De Clercq",
     "aliases": ["Willy De Clercq", "Willy de Clercq", "De Clercq", "de Clercq"]},
    {"id": "jose-sarney", "type": "person", "name": "Jose Sarney", "aliases": ["Jose Sarney", "Sarney"]},
    {"id": "jacques-chirac", "type": "person", "name": "Jacques Chirac",
     "aliases": ["Jacques Chirac", "Chirac"]},
    {"id": "helmut-kohl", "type": "person", "name": "Helmut Kohl", "aliases": ["Helmut Kohl", "Kohl"]},
    {"id": "dilson-funaro", "type": "person", "name": "Dilson Funaro", "aliases": ["Dilson Funaro", "Funaro"]},
    # ---- organisations
    {"id": "european-community", "type": "organisation", "name": "European Community",
     "aliases": ["European Community", "European Economic Community", "EC", "EEC", "E.C.", "Common Market"],
     "not": [r"E\.C\. Jordan", r"Olivetti EC", r"Corp(?: \(Investcorp\))? EC>", r"/EC Mexico"]},
    {"id": "imf", "type": "organisation", "name": "International Monetary Fund",
     "aliases": ["International Monetary Fund", "IMF"]},
    {"id": "opec", "type": "organisation", "name": "OPEC",
     "aliases": ["Organization of the Petroleum Exporting Countries", "Organization of Petroleum Exporting Countries",
                 "Organisation of the Petroleum Exporting Countries", "Organisation of Petroleum Exporting Countries",
                 "OPEC"],
     "not": [r"Organization of Arab Petroleum Exporting Countries", r"OPEC Fund"]},
    {"id": "world-bank", "type": "organisation", "name": "World Bank", "aliases": ["World Bank"]},
    {"id": "gatt", "type": "organisation", "name": "GATT",
     "aliases": ["General Agreement on Tariffs and Trade", "GATT"]},
    {"id": "federal-reserve", "type": "organisation", "name": "Federal Reserve",
     "aliases": ["U.S. Federal Reserve Board", "U.S. Federal Reserve", "Federal Reserve Board",
                 "Federal Reserve System", "Federal Reserve", "Fed"],
     "not": [r"Federal Reserve Bank of (?:New York|[A-Z][a-z]+)", r"Cal ?Fed", r"Fed(?:eral)? [Ff]unds",
             r"(?:New York|Dallas|Chicago|Boston|Atlanta|Philadelphia|Richmond|Cleveland|Minneapolis|"
             r"Kansas City|San Francisco|St\. Louis) Fed"]},
    {"id": "bundesbank", "type": "organisation", "name": "Bundesbank",
     "aliases": ["Bundesbank", "Deutsche Bundesbank"]},
    {"id": "bank-of-japan", "type": "organisation", "name": "Bank of Japan", "aliases": ["Bank of Japan", "BOJ"]},
    {"id": "bank-of-england", "type": "organisation", "name": "Bank of England", "aliases": ["Bank of England"]},
    {"id": "sec", "type": "organisation", "name": "Securities and Exchange Commission",
     "aliases": ["U.S. Securities and Exchange Commission", "Securities and Exchange Commission", "SEC"]},
    {"id": "usda", "type": "organisation", "name": "U.S. Agriculture Department",
     "aliases": ["U.S. Agriculture Department", "U.S. Department of Agriculture", "Agriculture Department",
                 "Department of Agriculture", "USDA", "U.S.D.A."],
     "not": [r"(?:Canadian|Canada|Japanese|Japan|French|Taiwan|Philippine|Israel|Israeli|Brazilian|Soviet|Chinese|"
             r"Thai|Australian|Egyptian|Indian|Pakistan|Argentine|South African|Mexican|Spanish|Italian|"
             r"Malaysian|Indonesian|Zimbabwe|Kenyan|Turkish|Greek|New Zealand|British|West German|Dutch|"
             r"Belgian|Danish|Irish) Agriculture Department",
             r"(?:State|state|[A-Z][a-z]+ State) (?:Agriculture Department|Department of Agriculture)"]},
    {"id": "ccc", "type": "organisation", "name": "Commodity Credit Corporation",
     "aliases": ["Commodity Credit Corporation", "Commodity Credit Corp", "Commodity Credit Corp.", "CCC"],
     "not": [r"CCC-(?:plus|minus)", r"(?:to|from|is|and|B-\d/)\s+CCC\b(?!\s+(?:[Ss]tocks|STOCKS|inventory|-owned))",
             r"CCC (?:preferred|from)\b"]},
    {"id": "paris-club", "type": "organisation", "name": "Paris Club", "aliases": ["Paris Club"]},
    {"id": "miti", "type": "organisation", "name": "Ministry of International Trade and Industry",
     "aliases": ["Ministry of International Trade and Industry", "MITI"]},
    {"id": "ico", "type": "organisation", "name": "International Coffee Organization",
     "aliases": ["International Coffee Organization", "International Coffee Organisation", "ICO"]},
    {"id": "icco", "type": "organisation", "name": "International Cocoa Organization",
     "aliases": ["International Cocoa Organization", "International Cocoa Organisation", "ICCO"]},
    {"id": "oecd", "type": "organisation", "name": "OECD",
     "aliases": ["Organisation for Economic Cooperation and Development",
                 "Organization for Economic Cooperation and Development",
                 "Organisation for Economic Co-operation and Development",
                 "Organization for Economic Co-operation and Development", "OECD"]},
    {"id": "ibm", "type": "organisation", "name": "IBM",
     "aliases": ["International Business Machines", "IBM"], "not": [r"IBM[- ]compatible", r"IBM PC", r"IBM AT"]},
    {"id": "general-motors", "type": "organisation", "name": "General Motors",
     "aliases": ["General Motors", "GM"], "not": [r"General Motors Acceptance", r"GM Hughes", r"GMAC"]},
    {"id": "chrysler", "type": "organisation", "name": "Chrysler",
     "aliases": ["Chrysler"], "not": [r"Chrysler Financial", r"Chrysler Building", r"Chrysler Motors",
                                      r"Chrysler Canada"]},
    {"id": "new-york-stock-exchange", "type": "organisation", "name": "New York Stock Exchange",
     "aliases": ["New York Stock Exchange", "NYSE", "New York Exchange", "Big Board"]},
    # ---- places
    {"id": "united-states", "type": "place", "name": "United States",
     "aliases": ["United States", "U.S.", "U.S.A.", "USA", "America", "U.S"],
     "not": [r"(?:Latin|South|North|Central) America", r"[A-Z][\w.&'-]*\s+of America",
             r"America(?: West| First)", r"U\.S\. (?:Steel|West|Home|Air|Shoe|Surgical|Healthcare|Trust|"
                                        r"Bancorp|Sugar|Tobacco|Gypsum|Leasing|Truck|Intec|Order|Filter|"
                                        r"Cellular|Xpress|News|Sprint)",
             r"USA Today", r"USA Cafes", r"Voice of America", r"United States (?:Steel|Gypsum|Surgical|"
                                                               r"Trust|Tobacco|Lines|Sugar)",
             r"US\$", r"U\.S\.? ?(?:dlrs?|dollars?|cents?|Dlrs?|Dollars?|Cents?)\b"],
     "not_body": [r"[A-Z][\w.&'-]*\s+(?:America|USA|U\.S\.A\.)", r"(?:America|USA)\s+[A-Z][\w.&'-]*",
                  r"\((?:USA|U\.S\.A\.)\)"]},
    {"id": "united-kingdom", "type": "place", "name": "United Kingdom",
     "aliases": ["United Kingdom", "Britain", "Great Britain", "U.K.", "UK"],
     "not_body": [r"[A-Z][\w.&'-]*\s+(?:UK|U\.K\.)(?=\s+(?:Ltd|PLC|Plc|Inc|Limited|International|Holdings|Finance)\b)",
                  r"(?:Esso|Pirelli|Shell|Mobil|Texaco|BP|Ford|IBM|Amoco|Conoco|Chevron|Unilever) (?:UK|U\.K\.)"]},
    {"id": "japan", "type": "place", "name": "Japan", "aliases": ["Japan"],
     "not": [r"Bank of Japan", r"Japan Air Lines", r"Japan Airlines", r"Japan Development Bank",
             r"Japan Economic Journal", r"Japan Exchange", r"Japan Fund", r"Japan Securities", r"Japan Tobacco",
             r"Japan Line", r"Japan Steel", r"Japan Automobile", r"Japan Iron and Steel Federation",
             r"Japan Broadcasting", r"[A-Z][\w.&'-]*\s+of Japan", r"Japan Federation", r"Japan Foreign Trade",
             r"Japan Chamber", r"Japan Productivity", r"Japan Center", r"Japan Institute", r"Japan Society",
             r"Japan External Trade", r"Japan Sea", r"Sea of Japan", r"Japan Inc", r"Japan Ltd",
             r"Japan Co", r"Japan Corp", r"Japan K\.K\."]},
    {"id": "canada", "type": "place", "name": "Canada", "aliases": ["Canada"],
     "not": [r"Bank of Canada", r"Statistics Canada", r"Texaco Canada", r"Air Canada", r"Petro-Canada",
             r"Canada Development", r"Canada Packers", r"Canada Southern", r"Canada Trust", r"Canada Malting",
             r"Canada Mortgage", r"Canada Post", r"Canada Savings Bonds?", r"Canada Life", r"Canada Cement",
             r"Canada Northwest", r"Canada Permanent", r"Canada Wire", r"Canada Dry",
             r"[A-Z][\w.&'-]*\s+Canada (?:Inc|Ltd|Corp|Co|Limited)\b", r"[A-Z][\w.&'-]*\s+of Canada",
             r"[A-Z][\w.&'-]* Canada (?:Inc|Ltd|Corp|Co|Limited)\b", r"Export Development Corp"]},
    {"id": "west-germany", "type": "place", "name": "West Germany",
     "aliases": ["West Germany", "W. Germany", "Federal Republic of Germany", "Germany"],
     "not": [r"East Germany", r"[A-Z][\w.&'-]* Germany (?:Inc|Ltd|Corp|Co|GmbH|AG)\b"]},
    {"id": "france", "type": "place", "name": "France", "aliases": ["France"],
     "not": [r"Bank of France", r"Banque de France", r"Air France", r"Gaz de France", r"Electricite de France",
             r"Credit Foncier de France", r"Ile de France", r"Agence France", r"France Presse",
             r"[A-Z][\w.&'-]* France (?:SA|S\.A\.|Inc|Ltd)\b", r"[A-Z][\w.&'-]*\s+de France",
             r"Charbonnages de France", r"Societe Generale de France", r"France Telecom", r"Radio France"]},
    {"id": "brazil", "type": "place", "name": "Brazil", "aliases": ["Brazil"],
     "not": [r"Bank of Brazil", r"Banco do Brasil", r"Brazil Fund", r"Brazil nuts?"]},
    {"id": "china", "type": "place", "name": "China", "aliases": ["China", "People's Republic of China", "PRC"],
     "not": [r"[A-Z][\w.&'-]*\s+of China", r"China Daily", r"China National \w+(?: \w+)? (?:Corp|Corporation|Co)",
             r"China Sea", r"China Light", r"China Motor", r"China Steel", r"China Trust", r"China Airlines",
             r"China Investment", r"China International Trust", r"CITIC", r"China Resources", r"China News Agency",
             r"Nationalist China", r"China Petroleum", r"China Eastern"]},
    {"id": "soviet-union", "type": "place", "name": "Soviet Union",
     "aliases": ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]},
    {"id": "netherlands", "type": "place", "name": "Netherlands", "aliases": ["Netherlands", "Holland"],
     "not": [r"Netherlands Antilles", r"Bank of the Netherlands", r"Holland America", r"Holland Sweetener",
             r"[A-Z][\w.&'-]*\s+Netherlands (?:B\.V\.|BV|N\.V\.|NV)", r"Holland Hitch",
             r"Holland (?:Inc|Ltd|B\.V\.|BV)\b", r"Bank Holland", r"Amro Holland", r"Holland Furnace",
             r"Netherlands Central Bank"]},
    {"id": "iran", "type": "place", "name": "Iran", "aliases": ["Iran"],
     "not": [r"National Iranian"]},
    {"id": "south-korea", "type": "place", "name": "South Korea",
     "aliases": ["South Korea", "Republic of Korea", "Korea"],
     "not": [r"North Korea", r"Democratic People's Republic of Korea",
             r"[A-Z][\w.&'-]*\s+of Korea", r"Korea (?:Exchange|Electric|Development|Trade|Traders|Fund|"
                                                  r"Shipbuilding|Explosives|Telecommunication|Steel|Zinc|"
                                                  r"Heavy|First|Long)", r"Korea Herald", r"Korea Times", r"Korea Schroder",
             r"(?:Korea|South Korea)n?(?: Inc| Ltd| Corp| Co\b)"]},
    {"id": "saudi-arabia", "type": "place", "name": "Saudi Arabia", "aliases": ["Saudi Arabia"],
     "not": [r"Saudi Arabian (?:Monetary Agency|Airlines|Oil)"]},
    {"id": "mexico", "type": "place", "name": "Mexico", "aliases": ["Mexico"],
     "not": [r"New Mexico", r"Gulf of Mexico", r"Mexico City", r"Bank of Mexico", r"Banco de Mexico",
             r"[A-Z][\w.&'-]*\s+of Mexico", r"Mexico Fund", r"Mexico (?:Inc|Ltd|S\.A\.|SA)\b"]},
    {"id": "australia", "type": "place", "name": "Australia", "aliases": ["Australia"],
     "not": [r"(?:Reserve |Commonwealth |National )?Bank of Australia", r"Western Australia",
             r"South Australia", r"Australia and New Zealand Banking", r"ANZ", r"Australia (?:Ltd|Pty)\b",
             r"[A-Z][\w.&'-]*\s+of Australia", r"Pacific Dunlop Australia", r"Australia Post"]},
    {"id": "new-york", "type": "place", "name": "New York", "aliases": ["New York", "New York City"],
     "not": [r"New York Stock Exchange", r"New York (?:Mercantile|Cotton|Futures|Coffee|Commodity|Life|Times|"
                                        r"Telephone|Post|State|Air|Exchange|Daily|Venture|Zoological|"
                                        r"Bancorp|Fund|Magazine|Yankees|Mets|Knicks|Giants|Jets|Insurance|"
                                        r"Stock|Securities|Power|Society|Port|Cocoa|Money|Chamber|"
                                        r"Philharmonic|University|Hospital|Board|Institute|Composite)",
             r"[A-Z][\w.&'-]*\s+of New York", r"New York(?:'s)? (?:State|state|Governor|Gov\.|Attorney General|"
                                                 r"Senator|Sen\.|Republican|Democrat|Rep\.|Representative)",
             r"(?:state of|State of|upstate|Upstate|western|Western|northern|Northern|Albany,) New York",
             r"New York[-,]? (?:N\.Y\.)?,? ?(?:based )?(?:Inc|Ltd|Corp|Co)\b",
             r"Chemical New York", r"Irving Trust", r"New York Futures Exchange", r"New York Fed"]},
    {"id": "tokyo", "type": "place", "name": "Tokyo", "aliases": ["Tokyo"],
     "not": [r"Tokyo (?:Stock|Electric|Gas|Marine|Sanyo|Shibaura|Round|Commodity|Grain|Sugar|Rubber|"
             r"Financial|Foreign Exchange|Exchange|Securities|Broadcasting|Disneyland|Tanker|Tatemono|Style|"
             r"Dome|Kaijo|Leasing|Motor|Boeki|Keiki|Denki|Ohka|Steel|Tsushin|Shimbun|Electron|Kikai)",
             r"Bank of Tokyo", r"[A-Z][\w.&'-]*\s+of Tokyo", r"Tokyo Round"]},
    {"id": "london", "type": "place", "name": "London", "aliases": ["London"],
     "not": [r"London (?:Stock|Metal|International|Futures|Commodity|Traded|Chamber|Grain|Cocoa|Coffee|Sugar|"
             r"Rubber|Potato|Meat|Wool|Gold|Bullion|Interbank|Inter-bank|Clearing|Financial|Discount|"
             r"Business|Club|Underwriting|Regional Transport|Transport|Weekend|Pacific|Brick|Shop|"
             r"and (?:Scottish|Manchester|Edinburgh|Continental|Overseas|Northern|Metropolitan))",
             r"[A-Z][\w.&'-]*\s+of London", r"London (?:Ltd|Plc|PLC|Inc)\b", r"London Life",
             r"Jack London"]},
]

# Removals after reading: entity id -> {article id: why}. A match the rules above accept but that is
# not a mention of this entity (another person with the surname, a verb, an unrelated name).
REMOVED = {
    # "Baker" alone, in articles that do not name James Baker: the oilfield company Baker International
    # (the bare "Baker" of its merger stories), Texaco's lawyer D.J. Baker, analysts Larry and George
    # Baker, Charles H. Baker, Baker Street restaurants, Baker Associates, the law firm Baker and Botts.
    "james-baker": {a: "another Baker" for a in (
        "reuters-1920", "reuters-1981", "reuters-1994", "reuters-2251", "reuters-2376", "reuters-2475",
        "reuters-2668", "reuters-2813", "reuters-3587", "reuters-3984", "reuters-3986", "reuters-4876",
        "reuters-5919", "reuters-6562", "reuters-7996", "reuters-13193", "reuters-16306",
        "reuters-6021", "reuters-6665", "reuters-9303",
        "reuters-9416", "reuters-14615", "reuters-18688")},
    # The Brazilian securities commission, not the U.S. one.
    "sec": {"reuters-17020": "Brazil's Securities and Exchange Commission"},
}

# Additions after reading: entity id -> {article id: why}. An article naming the entity in a form
# the rules above do not accept.
ADDED = {
    # "Treasury Secretary Baker" in articles that also name White House chief of staff Howard Baker (so
    # the bare surname rule leaves them out); "the Baker boys" means both.
    "james-baker": {"reuters-854": "Treasury Secretary Baker", "reuters-965": "Treasury Secretary Baker",
                    "reuters-6196": "the Baker boys (James and Howard Baker)"},
}


# A stock symbol in Reuters' company markup ("Engelhard Corp <EC>", "<GM>") is not a mention.
TICKER = r"<[A-Z][A-Z0-9.]*>"


def alias_pattern(alias):
    body = re.escape(alias).replace(r"\ ", r"\s+")
    return r"(?<![\w.'&-])" + body + (r"(?![\w&])" if alias.endswith(".") else r"(?![\w&]|\.\w)")


class Matcher:
    def __init__(self, spec):
        self.spec = spec
        self.aliases = [(alias, re.compile(alias_pattern(alias))) for alias in spec["aliases"]]
        self.upper = [(alias, re.compile(alias_pattern(alias.upper()))) for alias in spec["aliases"]]
        self.hiding = [re.compile(p) for p in spec.get("not", []) + [TICKER]]
        self.hiding_title = [re.compile(p, re.IGNORECASE) for p in spec.get("not", []) + [TICKER]]
        self.hiding += [re.compile(p) for p in spec.get("not_body", [])]  # capitalisation tells in bodies only
        self.others = [re.compile(alias_pattern(o)) for o in spec.get("others", [])]

    def matches(self, text, in_title=False):
        """(alias, start, end, counted, why-not) of every alias occurrence in text."""
        if not any(alias.upper() in text if in_title else alias in text for alias in self.spec["aliases"]):
            return []  # no alias anywhere: skip the regular expressions (most texts, most entities)
        found = []
        hidden = None
        taken = []
        for alias, pattern in (self.upper if in_title else self.aliases):
            for m in pattern.finditer(text):
                if any(s <= m.start() and m.end() <= e for s, e in taken):
                    continue  # a longer alias already covers it
                taken.append((m.start(), m.end()))
                if hidden is None:  # only texts that name an alias are searched for the longer names
                    hiding = self.hiding_title if in_title else self.hiding
                    hidden = [(h.start(), h.end()) for p in hiding for h in p.finditer(text)]
                inside = next((text[s:e] for s, e in hidden if s <= m.start() and m.end() <= e), None)
                found.append((alias, m.start(), m.end(), inside is None, "inside '%s'" % inside if inside else ""))
        return found

    def article(self, title, body):
        """The matches in the article and whether it counts for this entity."""
        found = [("title",) + m for m in self.matches(title.upper(), True)] if title else []
        found += [("body",) + m for m in self.matches(body)]
        if self.spec.get("surname") and any(o.search(body) for o in self.others):
            surname = self.spec["surname"]
            found = [(w, a, s, e, ok and a.upper() != surname.upper(),
                      why or ("bare surname in an article naming %s" % "/".join(self.spec["others"])
                              if a.upper() == surname.upper() else ""))
                     for w, a, s, e, ok, why in found]
        return found, any(m[4] for m in found)


def read_articles(jsonl):
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield record["id"], record.get("title", ""), record.get("body", "")


def ensure_jsonl(path):
    path = pathlib.Path(path)
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            subprocess.run([sys.executable, str(REPO / "corpus" / "tools" / "reuters_to_jsonl.py"),
                            str(SHARED / "corpora" / "reuters21578")], stdout=out, check=True)
    return path


def build(jsonl, contexts_dir=None):
    matchers = [Matcher(spec) for spec in ENTITIES]
    articles = {spec["id"]: set() for spec in ENTITIES}
    log = {spec["id"]: [] for spec in ENTITIES}
    total = 0
    for article_id, title, body in read_articles(jsonl):
        total += 1
        for matcher in matchers:
            found, counts = matcher.article(title, body)
            if counts:
                articles[matcher.spec["id"]].add(article_id)
            if contexts_dir and found:
                for where, alias, start, end, ok, why in found:
                    text = title.upper() if where == "title" else body
                    snippet = " ".join((text[max(0, start - 70):start] + "[[" + text[start:end] + "]]"
                                        + text[end:end + 70]).split())
                    log[matcher.spec["id"]].append((article_id, alias, ok, why, snippet))
    for entity, removals in REMOVED.items():
        unknown = set(removals) - articles[entity]
        if unknown:
            raise SystemExit("make_gold: REMOVED[%s] lists articles the rules do not match: %s"
                             % (entity, sorted(unknown)))
        articles[entity] -= set(removals)
    for entity, additions in ADDED.items():
        articles[entity] |= set(additions)
    if contexts_dir:
        write_contexts(pathlib.Path(contexts_dir), log)
    return gold_document(articles, total)


def write_contexts(directory, log):
    """Per entity: every counted and every excluded occurrence with 70 characters either side, grouped
    by alias, for reading. Article text: kept out of the project (bench/work is gitignored)."""
    directory.mkdir(parents=True, exist_ok=True)
    for entity, rows in log.items():
        with open(directory / (entity + ".txt"), "w", encoding="utf-8") as out:
            by_alias = {}
            for row in rows:
                by_alias.setdefault((row[1], row[2]), []).append(row)
            for (alias, ok), items in sorted(by_alias.items()):
                out.write("## %s %s: %d occurrences\n" % (alias, "COUNTED" if ok else "EXCLUDED", len(items)))
                for article_id, _, _, why, snippet in items:
                    out.write("%s\t%s\t%s\n" % (article_id, why, snippet))
            out.write("\n")
        sample = random.Random(entity)
        with open(directory / (entity + ".sample.txt"), "w", encoding="utf-8") as out:
            by_alias = {}
            for row in rows:
                if row[2]:
                    by_alias.setdefault(row[1], []).append(row)
            for alias, items in sorted(by_alias.items()):
                chosen = items if len(items) <= 25 else sample.sample(items, 25)
                out.write("## %s: %d counted occurrences, %d shown\n" % (alias, len(items), len(chosen)))
                for article_id, _, _, _, snippet in chosen:
                    out.write("%s\t%s\n" % (article_id, snippet))


def gold_document(articles, total):
    def number(article_id):
        return int(article_id.split("-")[-1])

    return {
        "collection": "Reuters-21578 (stories with a body, as corpus/tools/reuters_to_jsonl.py writes them)",
        "articles_in_collection": total,
        "made_by": "bench/entities/make_gold.py; rules and reading notes in bench/entities/README.md",
        "entities": [
            {"id": spec["id"], "type": spec["type"], "name": spec["name"], "aliases": spec["aliases"],
             "articles": sorted(articles[spec["id"]], key=number)}
            for spec in ENTITIES
        ],
    }


def serialise(gold):
    """One entity per line block, article ids packed, so that diffs of the gold stay readable."""
    lines = ["{", '  "collection": %s,' % json.dumps(gold["collection"]),
             '  "articles_in_collection": %d,' % gold["articles_in_collection"],
             '  "made_by": %s,' % json.dumps(gold["made_by"]), '  "entities": [']
    for i, entity in enumerate(gold["entities"]):
        head = {k: entity[k] for k in ("id", "type", "name", "aliases")}
        lines.append("    " + json.dumps(head, ensure_ascii=False)[:-1] + ', "articles": [')
        ids = [json.dumps(a) for a in entity["articles"]]
        for start in range(0, len(ids), 8):
            lines.append("      " + ", ".join(ids[start:start + 8]) + ("," if start + 8 < len(ids) else ""))
        lines.append("    ]}" + ("," if i + 1 < len(gold["entities"]) else ""))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", default=str(DEFAULT_JSONL))
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--contexts", default="")
    args = parser.parse_args()
    text = serialise(build(ensure_jsonl(args.jsonl), args.contexts or None))
    if args.check:
        if not GOLD.exists() or GOLD.read_text(encoding="utf-8") != text:
            print("make_gold: %s is out of date" % GOLD, file=sys.stderr)
            return 1
        return 0
    GOLD.write_text(text, encoding="utf-8")
    gold = json.loads(text)
    for entity in gold["entities"]:
        print("%-26s %-12s %5d" % (entity["id"], entity["type"], len(entity["articles"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
