#!/usr/bin/env python3
"""Writes the layout test pages: bench/layouts/pages/<layout>/<name>.txt and <name>.gold.json.

Each article is written once, as content only, in sources/<layout>.txt; this script lays it out the way
that layout's (invented) site prints a page and a scraper saves it as text, with the site's menus,
bylines, dates, captions, advertisements, related links and footers. The gold file says what a reader
of the page would call its title, authors, date and article text. The pages are committed; run this
again only after changing a source (the output is deterministic).

usage: make_pages.py [--check]     --check: exit 1 if a committed page differs from what would be written
"""
import datetime
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE / "sources"
PAGES = HERE / "pages"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WIRE_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
START, END = "\x00start", "\x00end"  # where a scraper that saves only the page's main element starts and stops
MULTI = {"author", "reporting", "caption", "comment", "readmore", "pull"}


def parse_sources(path):
    """sources/<layout>.txt: '=== name', 'key: value' lines, '---', then paragraphs separated by blank
    lines ('## ' marks a crosshead)."""
    articles, current, in_body = [], None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            current = {"name": line[4:].strip(), "body_lines": []}
            articles.append(current)
            in_body = False
        elif in_body:
            current["body_lines"].append(line)
        elif line.strip() == "---":
            in_body = True
        elif line.strip():
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key in MULTI:
                current.setdefault(key, []).append(value)
            else:
                current[key] = value
    for article in articles:
        paragraphs, block = [], []
        for line in article.pop("body_lines") + [""]:
            if line.strip():
                block.append(line.strip())
            elif block:
                paragraphs.append(" ".join(block))
                block = []
        article["paragraphs"] = paragraphs
        article["day"] = datetime.date.fromisoformat(article["date"])
    return articles


def fields(value):
    return [part.strip() for part in value.split("|")]


def text_paragraphs(article):
    """The article's paragraphs as printed (crossheads without their marker)."""
    return [p[3:] if p.startswith("## ") else p for p in article["paragraphs"]]


def join_names(names):
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def long_date(day):  # 3 March 2024
    return "%d %s %d" % (day.day, MONTHS[day.month - 1], day.year)


def us_date(day):  # March 3, 2024
    return "%s %d, %d" % (MONTHS[day.month - 1], day.day, day.year)


def clock12(hhmm):
    hour, minute = (int(x) for x in hhmm.replace(".", ":").split(":"))
    return "%d:%02d %s" % ((hour - 1) % 12 + 1, minute, "AM" if hour < 12 else "PM")


def words(article):
    return sum(len(p.split()) for p in article["paragraphs"])


def others(articles, index, count):
    """Headlines of the site's other stories, for its 'Most read' and 'Read next' boxes."""
    rest = articles[index + 1:] + articles[:index]
    return [a["title"] for a in rest[:count]]


def place_extras(paragraphs, extras):
    """paragraphs with extra lines (position -> list of lines) after the paragraph at that position;
    position -1 means before the first paragraph."""
    out = list(extras.get(-1, []))
    for position, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.extend(extras.get(position, []))
    return out


def add_extra(extras, position, line):
    extras.setdefault(position, []).append(line)


# ---- the layouts -------------------------------------------------------------------------------------

def wire(article, index, articles):
    """A wire service: section label above the headline, reading time, date line, dateline in the first
    paragraph, the reporters credited at the end."""
    day = article["day"]
    reporters = [fields(r) for r in article.get("reporting", [])]
    names = [r[0] for r in reporters]
    writers = [article["writing"]] if article.get("writing") else []
    lines = ["Skip to main content", "", "Meridian", "", "World", "Business", "Markets", "Sustainability", "Legal",
             "Commentary", "Technology", "Investigations", "More", "", "Sign In", "Register", "", START,
             article["section"], "", article["title"], ""]
    if article.get("bytop"):
        lines += ["By " + join_names(names + writers), ""]
    minutes = max(2, round(words(article) / 120))
    lines += ["%d minute read" % minutes, "",
              "%s %s GMT" % (us_date(day), clock12(article["time"])), "Updated %d hours ago" % (2 + index % 5), ""]
    extras = {}
    for caption in article.get("caption", []):
        position, text = fields(caption)
        add_extra(extras, int(position), "[1/%d] %s Meridian/%s" % (
            2 + index % 3, text, ["Aurel Stanek", "Mira Okonkwo", "Jesper Haldane"][index % 3]))
        add_extra(extras, int(position), "Purchase Licensing Rights")
    paragraphs = text_paragraphs(article)
    paragraphs[0] = "%s, %s %d (Meridian) - %s" % (article["place"], WIRE_MONTHS[day.month - 1], day.day,
                                                   paragraphs[0])
    add_extra(extras, 1, "Advertisement · Scroll to continue")
    if len(paragraphs) > 4:
        add_extra(extras, 3, "The Morning Wire newsletter brings you the day's top stories before the markets "
                             "open. Sign up here.")
    body = place_extras(paragraphs, extras)
    places = {r[1] for r in reporters if len(r) > 1}
    if len(places) <= 1:
        credit = "Reporting by %s%s" % (join_names(names), " in " + places.pop() if places else "")
    else:
        credit = "Reporting by " + join_names(["%s in %s" % (r[0], r[1]) for r in reporters])
    if writers:
        credit += "; Writing by " + writers[0]
    credit += "; Editing by " + join_names([e.strip() for e in article["editing"].split(";")])
    lines += ["\n\n".join(body), "", credit, "", "Our Standards: The Meridian Trust Principles.", "",
              "Suggested Topics:", article.get("topics", article["section"]), "", "Acquire Licensing Rights", "",
              "Read Next", ""]
    for n, title in enumerate(others(articles, index, 4)):
        lines += [title, "1 hour ago" if n == 0 else "%d hours ago" % (n + 1), ""]
    lines += [END, "Site Index", "About Meridian", "Careers", "Contact Us", "",
              "All quotes delayed a minimum of 15 minutes.", "", "© %d Meridian. All rights reserved" % day.year]
    return lines, {"author": names + writers, "lede": ""}


def blog(article, index, articles):
    """A personal blog on a common blogging engine: 'Posted on DATE by AUTHOR', tags, share buttons,
    related posts, comments and the sidebar."""
    day = article["day"]
    authors = article.get("author", [])
    lines = ["Skip to content", "", "The Quiet Circuit", "Notes on small tech, open data and the places we live", "",
             "Menu", "Home", "About", "Archive", "Newsletter", "", "Search for:", "Search", "", START,
             article["title"], "", "Posted on %s by %s" % (us_date(day), join_names(authors))]
    lines += ["Tags: " + article["tags"]]
    if index % 3 == 1:
        lines += ["Categories: " + article["category"]]
    lines += ["", "\n\n".join(text_paragraphs(article)), "",
              "Share this:", "Email", "Mastodon", "Facebook", "Print", "", "Like this:", "Like Loading...", "",
              "Related", ""]
    rest = articles[index + 1:] + articles[:index]
    for other in rest[:2]:
        lines += [other["title"], "In \"%s\"" % other["category"], ""]
    comments = [fields(c) for c in article.get("comment", [])]
    if comments:
        lines += ["%s on \"%s\"" % ("One thought" if len(comments) == 1 else "%d thoughts" % len(comments),
                                    article["title"]), ""]
        for name, date, time, text in comments:
            lines += ["%s says:" % name, "%s at %s" % (us_date(datetime.date.fromisoformat(date)), time), text,
                      "Reply", ""]
    lines += ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
              "Comment *", "Name *", "Email *", "Website", "Post Comment", "", END, "Recent Posts"]
    lines += others(articles, index, 4)
    lines += ["", "Archives", "%s %d" % (MONTHS[day.month - 1], day.year),
              "%s %d" % (MONTHS[(day.month - 2) % 12], day.year if day.month > 1 else day.year - 1), "",
              "Proudly powered by WordPress | Theme: Quillpress by Harrow Studio."]
    return lines, {"author": authors, "lede": ""}


def portal(article, index, articles):
    """A news portal: breadcrumbs, a standfirst, author and role, 'Published ... | Updated ...',
    advertisements and 'Read more' links in the text, 'Most read' box."""
    day = article["day"]
    authors = [fields(a) for a in article.get("author", [])]
    names = [a[0] for a in authors]
    lines = ["Vistaport", "Sign in", "Mail", "", "News", "Sport", "Money", "Weather", "Entertainment", "Lifestyle",
             "Video", "", START, "Home › News › %s" % article["section"], "", article["title"], "", article["dek"], ""]
    if len(authors) == 1 and len(authors[0]) > 1:
        lines += [authors[0][0], authors[0][1]]
    elif authors:
        lines += ["By " + join_names(names)]
    published = "Published %s, %s" % (article["time"], long_date(day))
    up_date, up_time = fields(article["updated"])
    if (up_date, up_time) != (article["date"], article["time"]):
        published += " | Updated %s, %s" % (up_time, long_date(datetime.date.fromisoformat(up_date)))
    lines += [published, "Share", "Comments", ""]
    extras = {}
    add_extra(extras, 0, "Advertisement")
    add_extra(extras, 3, "Advertisement")
    for caption in article.get("caption", []):
        position, text, credit = fields(caption)
        add_extra(extras, int(position), "%s (Image: %s)" % (text, credit))
    for link in article.get("readmore", []):
        position, text = fields(link)
        add_extra(extras, int(position), "Read more: " + text)
    lines += ["\n\n".join(place_extras(text_paragraphs(article), extras)), "", END, "Most read", ""]
    for n, title in enumerate(others(articles, index, 5)):
        lines += [str(n + 1), title]
    lines += ["", "More from News"] + others(articles, index + 5 if index + 5 < len(articles) else 0, 2)
    lines += ["", "About Vistaport", "Contact us", "Privacy policy", "Cookie settings",
              "© Vistaport Media Ltd %d" % day.year]
    return lines, {"author": names, "lede": article["dek"]}


def broadsheet_time(day, hhmm):
    summer = 4 <= day.month <= 10 or (day.month == 3 and day.day >= 31)
    return "%s %d %s %d %s %s" % (day.strftime("%a"), day.day, MONTHS[day.month - 1][:3], day.year,
                                  hhmm.replace(":", "."), "BST" if summer else "GMT")


def broadsheet(article, index, articles):
    """A broadsheet newspaper: today's date under the masthead, section, headline, standfirst,
    'By NAME, Role', photo captions, 'Continue reading below' and subscription prompts in the text."""
    day = article["day"]
    scraped = datetime.date.fromisoformat(article["scraped"])
    authors = [fields(a) for a in article.get("author", [])]
    names = [a[0] for a in authors]
    lines = ["Skip to main content", "Subscribe now", "Sign in", "Search", "", "The Calder Herald",
             "%s %d %s %d" % (scraped.strftime("%A"), scraped.day, MONTHS[scraped.month - 1], scraped.year), "",
             "News", "Politics", "World", "Business", "Opinion", "Sport", "Culture", "Lifestyle", "", START,
             article["section"], "", article["title"], "", article["dek"], ""]
    if authors:
        parts = []
        for author in authors:
            if len(author) == 1:
                parts.append(author[0])
            elif author[1][0].isupper() and " " in author[1]:  # a role
                parts.append("%s, %s" % (author[0], author[1]))
            else:  # a place
                parts.append("%s in %s" % (author[0], author[1]))
        if len(parts) == 2 and "," in parts[0]:
            lines += ["By %s, and %s" % (parts[0], parts[1])]
        else:
            lines += ["By " + join_names(parts)]
    lines += [broadsheet_time(day, article["time"]), "Share", ""]
    extras = {}
    for caption in article.get("caption", []):
        position, text, credit = fields(caption)
        add_extra(extras, int(position) - 1, "%s %s" % (text, credit))
    add_extra(extras, 2, "Continue reading below")
    if len(article["paragraphs"]) > 6:
        add_extra(extras, 5, "Subscribe now for unlimited access to the Herald's award-winning journalism. "
                             "Cancel anytime.")
    lines += ["\n\n".join(place_extras(text_paragraphs(article), extras)), "",
              "Explore more on these topics", article["section"], "Calder region", "", "Share",
              "Reuse this content", "", END, "Most viewed", ""]
    lines += others(articles, index, 5)
    lines += ["", "© %d Calder Herald Media Ltd. All rights reserved." % scraped.year]
    return lines, {"author": names, "lede": article["dek"]}


def magazine(article, index, articles):
    """A magazine: kicker, headline, dek, 'Words by', photographer, date with reading time, pull quotes,
    the writer's biography and an issue note at the end."""
    day = article["day"]
    names = article.get("author", [])
    lines = ["LONGITUDE", "Menu", "Subscribe", "", "Ideas", "Culture", "Science", "Travel", "The Issue",
             "Newsletter", "", START, article["kicker"].upper(), "", article["title"], "", article["dek"], "",
             "Words by " + join_names(names), "Photography by " + article["photo"],
             "%s · %s min read" % (long_date(day), article["minutes"]), ""]
    extras = {}
    add_extra(extras, 0, "Photograph: %s for Longitude" % article["photo"])
    for pull in article.get("pull", []):
        position, text = fields(pull)
        add_extra(extras, int(position) + 1, "“%s”" % text)
    issue = day + datetime.timedelta(days=20)
    lines += ["\n\n".join(place_extras(text_paragraphs(article), extras)), "", article["bio"], "",
              "This story appears in the %s %d issue of Longitude. Subscribe to get the print edition." % (
                  MONTHS[issue.month - 1], issue.year), "", END, "More from Longitude", ""]
    lines += others(articles, index, 3)
    lines += ["", "Longitude Magazine · Privacy · Terms · Contact"]
    return lines, {"author": names, "lede": article["dek"]}


def local(article, index, articles):
    """A small local paper: masthead with weather, 'By NAME | Weekday, D Month YYYY', submitted photos,
    a newsdesk note and a comments count."""
    day = article["day"]
    names = article.get("author", [])
    weather = ["11°C, light rain", "7°C, cloudy", "14°C, sunny spells", "9°C, showers"][index % 4]
    lines = ["Ashby Vale Gazette", "Serving Ashby, Millbrook and the Vale since 1887", "Weather: " + weather,
             "Subscribe | Log in", "", "Home", "News", "Sport", "Community", "Obituaries", "Public Notices",
             "E-Edition", "", START, article["title"], ""]
    stamp = "%s, %s" % (day.strftime("%A"), long_date(day))
    lines += [("By %s | %s" % (join_names(names), stamp)) if names else "Staff report | " + stamp, ""]
    extras = {}
    for caption in article.get("caption", []):
        position, text = fields(caption)
        add_extra(extras, int(position) - 1, text)
    count = int(article.get("comments", "0"))
    lines += ["\n\n".join(place_extras(text_paragraphs(article), extras)), "",
              "Have a story? Email newsdesk@ashbyvalegazette.example or call 01632 960441.", "",
              "%d Comments" % count if count else "Comments", "Sign in to comment", "", END, "More local news", ""]
    lines += others(articles, index, 4)
    lines += ["", "Ashby Vale Gazette, 12 Market Place, Ashby. © %d Vale Media Group" % day.year]
    return lines, {"author": names, "lede": ""}


def pressrelease(article, index, articles):
    """A press-release distribution site: no byline; 'News provided by ORG' and a date, a dateline,
    the organisation's boilerplate and media contact after the text."""
    day = article["day"]
    contact = fields(article["contact"])
    slug = article["org"].lower().replace(" ", "")
    lines = ["ReleasePoint", "Newsroom", "Press releases", "For journalists", "Submit a release", "Log in", "",
             "Home / %s / %s" % (article["industry"], article["org"]), "", START, "PRESS RELEASE", "",
             article["title"], "", article["dek"], "", "News provided by", article["org"],
             "%s %d, %d, %s CET" % (MONTHS[day.month - 1][:3], day.day, day.year, article["time"]),
             "Share this article", ""]
    paragraphs = text_paragraphs(article)
    paragraphs[0] = "%s, %s /ReleasePoint/ -- %s" % (article["place"], us_date(day), paragraphs[0])
    lines += ["\n\n".join(paragraphs), "", "About " + article["org"], "", article["about"], "",
              "Media contact", ] + contact + ["", "SOURCE " + article["org"], "", "Related links",
                                              "https://www.%s.example" % slug, "", END, "More releases from this source", ""]
    lines += others(articles, index, 2)
    lines += ["", "© %d ReleasePoint. All rights reserved." % day.year]
    return lines, {"author": [], "lede": article["dek"]}


def broadcast_stamp(date, hhmm):
    day = datetime.date.fromisoformat(date)
    zone = "CDT" if 3 < day.month < 11 or (day.month == 3 and day.day > 10) or (day.month == 11 and day.day < 3) else "CST"
    hour, minute = (int(x) for x in hhmm.split(":"))
    return "%s %d, %d / %02d:%02d %s %s" % (MONTHS[day.month - 1][:3], day.day, day.year, (hour - 1) % 12 + 1,
                                            minute, "AM" if hour < 12 else "PM", zone)


def broadcast(article, index, articles):
    """A local TV station: 'by: NAME, NAME', 'Posted:' and 'Updated:' stamps, a video caption, and the
    station's copyright notice after the text."""
    names = article.get("author", [])
    lines = ["RV7 News", "Riverton | Tallow County", "", "Watch Live", "Weather", "Closings", "Contests", "Menu",
             "Search", "", START, article["section"], "", article["title"], ""]
    if names:
        lines += ["by: " + ", ".join(names)]
    up_date, up_time = fields(article["updated"])
    lines += ["Posted: " + broadcast_stamp(article["date"], article["time"]),
              "Updated: " + broadcast_stamp(up_date, up_time), "", "SHARE", ""]
    if article.get("video"):
        lines += ["Video: " + article["video"], ""]
    extras = {}
    add_extra(extras, 1, "ADVERTISEMENT")
    if len(article["paragraphs"]) > 5:
        add_extra(extras, 4, "ADVERTISEMENT")
    lines += ["\n\n".join(place_extras(text_paragraphs(article), extras)), "",
              "Copyright %d RV7 News. All rights reserved. This material may not be published, broadcast, "
              "rewritten, or redistributed." % article["day"].year, "", END, "Trending Stories", ""]
    lines += others(articles, index, 4)
    lines += ["", "Get the latest news from RV7 delivered to your inbox. Sign up for our newsletters.", "",
              "RV7 News | Riverton | Public file | EEO report | Closed captioning"]
    return lines, {"author": names, "lede": ""}


LAYOUTS = {"wire": wire, "blog": blog, "portal": portal, "broadsheet": broadsheet, "magazine": magazine,
           "local": local, "pressrelease": pressrelease, "broadcast": broadcast}


def render(layout):
    articles = parse_sources(SOURCES / (layout + ".txt"))
    out = {}
    for index, article in enumerate(articles):
        lines, gold = LAYOUTS[layout](article, index, articles)
        assert lines.count(START) == 1 and lines.count(END) == 1, (layout, article["name"])
        # Every other page is saved the second way: only the page's main element, from the article's
        # header to its last comment or related link, without the site's menus, sidebars and footer.
        scrape = "page" if index % 2 == 0 else "main"
        if scrape == "main":
            lines = lines[lines.index(START) + 1:lines.index(END)]
        lines = [line for line in lines if line not in (START, END)]
        page = "\n".join(lines).strip("\n") + "\n"
        body = text_paragraphs(article)
        if layout == "wire":
            body[0] = "%s, %s %d (Meridian) - %s" % (article["place"], WIRE_MONTHS[article["day"].month - 1],
                                                     article["day"].day, body[0])
        elif layout == "pressrelease":
            body[0] = "%s, %s /ReleasePoint/ -- %s" % (article["place"], us_date(article["day"]), body[0])
        record = {"title": article["title"], "author": gold["author"], "date": article["date"],
                  "lede": gold["lede"], "body": body, "scrape": scrape}
        for paragraph in body:
            assert paragraph in page, (layout, article["name"], paragraph[:40])
        out[article["name"]] = (page, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return out


def write_pages(folder, rendered, extension, check):
    """Writes each page and its gold file into folder, or with check counts those that differ."""
    differ = 0
    if not check:
        folder.mkdir(parents=True, exist_ok=True)
    for name, (page, gold) in rendered.items():
        for path, text in ((folder / (name + extension), page), (folder / (name + ".gold.json"), gold)):
            if check:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    print("differs: %s" % path.relative_to(HERE))
                    differ += 1
            else:
                path.write_text(text, encoding="utf-8")
    return differ


def main(argv):
    check = "--check" in argv
    differ = sum(write_pages(PAGES / layout, render(layout), ".txt", check) for layout in LAYOUTS)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
