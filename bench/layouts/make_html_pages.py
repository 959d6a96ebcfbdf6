#!/usr/bin/env python3
"""Writes the HTML layout test pages: bench/layouts/pages/html-<layout>/<name>.html and <name>.gold.json.

The articles are those of sources/<layout>.txt (the text layouts' own invented content); each is laid
out as that kind of site's HTML page, with the markup habits that make a page's title and byline hard
to find from the HTML alone: a `<title>` with the site's name before or after the headline and no
og:title, the site's name in an `<h1>` above the article's, a headline that is only a `<div>` or an
`<h2>`, bylines in elements with no author class ("Posted on DATE by A", "By A | DATE", credit lines
after the text), and the boilerplate of the text layouts as markup (figures with captions, pull
quotes, biographies, "About ORG" boxes, newsletter boxes, related links, comments). Gold files are
as for the text pages (README.md). The output is deterministic; --check compares with the committed
pages.

usage: make_html_pages.py [--check]
"""
import datetime
import html
import json
import sys

from make_pages import (PAGES, SOURCES, WIRE_MONTHS, clock12, fields, join_names, long_date, others,
                        parse_sources, us_date, write_pages)


def esc(text):
    return html.escape(text, quote=True)


def head(title_element, extra=""):
    return ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>%s</title>" % esc(title_element), extra, "</head>"]


def paragraphs_html(article, first=None, extras=None):
    """The article's paragraphs as <p> (crossheads as <h2>), with extra markup after paragraph N."""
    out, extras = [], extras or {}
    out += extras.get(-1, [])
    for n, paragraph in enumerate(article["paragraphs"]):
        if n == 0 and first:
            paragraph = first
        if paragraph.startswith("## "):
            out.append("<h2>%s</h2>" % esc(paragraph[3:]))
        else:
            out.append("<p>%s</p>" % esc(paragraph))
        out += extras.get(n, [])
    return out


def gold_body(article, first=None):
    body = [p[3:] if p.startswith("## ") else p for p in article["paragraphs"]]
    if first:
        body[0] = first
    return body


def related(titles, heading="Related"):
    return ["<section class=\"related\">", "<h3>%s</h3>" % heading, "<ul>"] + [
        "<li><a href=\"/story/%d\">%s</a></li>" % (n, esc(t)) for n, t in enumerate(titles)] + ["</ul>", "</section>"]


def wire(article, index, articles):
    """A wire story: `<title>Headline | Meridian</title>` and the headline in the one `<h1>`, no meta
    tags; the reporters only in the credit line after the text."""
    day = article["day"]
    reporters = [fields(r) for r in article.get("reporting", [])]
    names = [r[0] for r in reporters]
    writers = [article["writing"]] if article.get("writing") else []
    first = "%s, %s %d (Meridian) - %s" % (article["place"], WIRE_MONTHS[day.month - 1], day.day,
                                          article["paragraphs"][0])
    extras = {1: ["<div class=\"ad-slot\">Advertisement · Scroll to continue</div>"]}
    for caption in article.get("caption", []):
        position, text = fields(caption)
        extras.setdefault(int(position), []).append(
            "<figure><img src=\"/p/%d.jpg\" alt=\"\"><figcaption>%s Meridian/Aurel Stanek "
            "<a href=\"/licensing\">Purchase Licensing Rights</a></figcaption></figure>" % (index, esc(text)))
    if len(article["paragraphs"]) > 4:
        extras.setdefault(3, []).append(
            "<div class=\"newsletter-signup\"><p>The Morning Wire newsletter brings you the day's top stories "
            "before the markets open. <a href=\"/newsletters\">Sign up here.</a></p></div>")
    credit = "Reporting by %s" % join_names(["%s in %s" % (r[0], r[1]) if len(r) > 1 else r[0] for r in reporters])
    if writers:
        credit += "; Writing by " + writers[0]
    credit += "; Editing by " + join_names([e.strip() for e in article["editing"].split(";")])
    lines = head("%s | Meridian" % article["title"])
    lines += ["<body>", "<header><a class=\"logo\" href=\"/\">Meridian</a><nav><a href=\"/world\">World</a> "
              "<a href=\"/business\">Business</a> <a href=\"/markets\">Markets</a></nav></header>",
              "<main><article>", "<p class=\"section-label\"><a href=\"/s\">%s</a></p>" % esc(article["section"]),
              "<h1>%s</h1>" % esc(article["title"])]
    if article.get("bytop"):
        lines.append("<p>By %s</p>" % esc(join_names(names + writers)))
    lines += ["<p>%d minute read</p>" % max(2, round(sum(len(p.split()) for p in article["paragraphs"]) / 120)),
              "<p><time datetime=\"%sT%s:00Z\">%s %s GMT</time></p>" % (article["date"], article["time"],
                                                                      us_date(day), clock12(article["time"])),
              "<div class=\"article-body\">"] + paragraphs_html(article, first, extras)
    lines += ["<p>%s</p>" % esc(credit), "</div>",
              "<p><a href=\"/standards\">Our Standards: The Meridian Trust Principles.</a></p>"]
    lines += related(others(articles, index, 4), "Read Next")
    lines += ["</article></main>", "<footer><p>© %d Meridian. All rights reserved</p></footer>" % day.year,
              "</body>", "</html>"]
    return lines, {"author": names + writers, "lede": "", "body": gold_body(article, first)}


def blog(article, index, articles):
    """A blog engine's page: the blog's name in the `<h1>`, the post's headline in an `<h2>`,
    `<title>Headline – Blog</title>`, "Posted on DATE by A" with the name in a plain link."""
    day = article["day"]
    authors = article.get("author", [])
    lines = head("%s – The Quiet Circuit" % article["title"], "<meta name=\"generator\" content=\"Quillpress 6.4\">")
    lines += ["<body>", "<header class=\"site-header\"><h1 class=\"site-title\"><a href=\"/\">The Quiet Circuit</a></h1>",
              "<p class=\"site-description\">Notes on small tech, open data and the places we live</p></header>",
              "<div id=\"primary\"><article class=\"post\">",
              "<h2 class=\"entry-title\">%s</h2>" % esc(article["title"]),
              "<div class=\"entry-meta\">Posted on <time datetime=\"%sT09:00:00+00:00\">%s</time> by %s</div>" % (
                  article["date"], us_date(day),
                  " and ".join("<a href=\"/people/%d\">%s</a>" % (n, esc(a)) for n, a in enumerate(authors))),
              "<div class=\"entry-content\">"] + paragraphs_html(article)
    lines += ["<div class=\"sharedaddy\"><h3>Share this:</h3><ul><li><a href=\"#\">Email</a></li>"
              "<li><a href=\"#\">Mastodon</a></li></ul></div>", "</div>",
              "<footer class=\"entry-footer\">Tags: %s</footer>" % esc(article["tags"]), "</article>"]
    lines += related(others(articles, index, 2))
    comments = [fields(c) for c in article.get("comment", [])]
    if comments:
        lines += ["<div id=\"comments\"><ol class=\"comment-list\">"]
        for name, date, time, text in comments:
            lines += ["<li><b>%s</b> says: <span>%s at %s</span><p>%s</p></li>" % (esc(name), date, time, esc(text))]
        lines += ["</ol></div>"]
    lines += ["</div>", "<aside id=\"secondary\"><h3>Recent Posts</h3><ul>"] + [
        "<li><a href=\"#\">%s</a></li>" % esc(t) for t in others(articles, index, 4)] + ["</ul></aside>",
                                                                                    "</body>", "</html>"]
    return lines, {"author": authors, "lede": "", "body": gold_body(article)}


def portal(article, index, articles):
    """A portal with two `<h1>`s (the brand, then the headline), `<title>Headline | Section | Site</title>`,
    the author's name and role in a card, captions as figures, "Read more" links."""
    day = article["day"]
    authors = [fields(a) for a in article.get("author", [])]
    names = [a[0] for a in authors]
    lines = head("%s | %s | Vistaport" % (article["title"], article["section"]),
                 "<meta property=\"og:site_name\" content=\"Vistaport\">")
    lines += ["<body>", "<div class=\"masthead\"><h1 class=\"brand\"><a href=\"/\">Vistaport</a></h1></div>",
              "<div class=\"story\">", "<p class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/news\">News</a> › "
              "%s</p>" % esc(article["section"]), "<h1 class=\"story-headline\">%s</h1>" % esc(article["title"]),
              "<p class=\"standfirst\">%s</p>" % esc(article["dek"])]
    if len(authors) == 1 and len(authors[0]) > 1:
        lines.append("<div class=\"writer\"><a href=\"/people/1\">%s</a><div>%s</div></div>" % (
            esc(authors[0][0]), esc(authors[0][1])))
    elif authors:
        lines.append("<div class=\"writer\">By %s</div>" % esc(join_names(names)))
    up_date, up_time = fields(article["updated"])
    lines.append("<p class=\"stamp\">Published %s, %s | Updated %s, %s</p>" % (
        article["time"], long_date(day), up_time, long_date(datetime.date.fromisoformat(up_date))))
    extras = {0: ["<div class=\"advert\">Advertisement</div>"]}
    for caption in article.get("caption", []):
        position, text, credit = fields(caption)
        extras.setdefault(int(position), []).append(
            "<figure><img src=\"/i.jpg\" alt=\"\"><figcaption>%s (Image: %s)</figcaption></figure>" % (esc(text), esc(credit)))
    for link in article.get("readmore", []):
        position, text = fields(link)
        extras.setdefault(int(position), []).append("<p><strong>Read more:</strong> <a href=\"/r\">%s</a></p>" % esc(text))
    lines += ["<div class=\"story-body\">"] + paragraphs_html(article, extras=extras) + ["</div>", "</div>"]
    lines += related(others(articles, index, 5), "Most read")
    lines += ["<footer>© Vistaport Media Ltd %d</footer>" % day.year, "</body>", "</html>"]
    return lines, {"author": names, "lede": article["dek"], "body": gold_body(article)}


def magazine(article, index, articles):
    """A magazine whose `<title>` is only its name and whose headline is a styled `<div>`: the title is
    only in the body. "Words by", pull quotes, the writer's biography and an issue note."""
    day = article["day"]
    names = article.get("author", [])
    lines = head("Longitude", "<meta property=\"og:site_name\" content=\"Longitude\">")
    extras = {0: ["<figure><img src=\"/hero.jpg\" alt=\"\"><figcaption>Photograph: %s for Longitude</figcaption>"
                  "</figure>" % esc(article["photo"])]}
    for pull in article.get("pull", []):
        position, text = fields(pull)
        extras.setdefault(int(position) + 1, []).append("<blockquote class=\"pullquote\"><p>“%s”</p></blockquote>" % esc(text))
    lines += ["<body>", "<nav><a href=\"/\">LONGITUDE</a> <a href=\"/ideas\">Ideas</a> <a href=\"/culture\">Culture</a></nav>",
              "<div class=\"feature\">", "<div class=\"hero\">",
              "<div class=\"kicker\">%s</div>" % esc(article["kicker"].upper()),
              "<div class=\"hero__heading\">%s</div>" % esc(article["title"]),
              "<div class=\"hero__dek\">%s</div>" % esc(article["dek"]),
              "<div class=\"credits\"><p>Words by %s</p><p>Photography by %s</p><p>%s · %s min read</p></div>" % (
                  esc(join_names(names)), esc(article["photo"]), long_date(day), article["minutes"]),
              "</div>", "<div class=\"feature-text\">"] + paragraphs_html(article, extras=extras)
    lines += ["<p><em>%s</em></p>" % esc(article["bio"]),
              "<p>This story appears in the issue of Longitude. <a href=\"/subscribe\">Subscribe to get the print "
              "edition.</a></p>", "</div>", "</div>"]
    lines += related(others(articles, index, 3), "More from Longitude")
    lines += ["</body>", "</html>"]
    return lines, {"author": names, "lede": article["dek"], "body": gold_body(article)}


def local(article, index, articles):
    """A local paper: `<title>Site - Headline</title>` (the site first), the masthead and the headline
    both `<h1>`, "By A | Weekday, D Month YYYY" in a paragraph of its own."""
    day = article["day"]
    names = article.get("author", [])
    stamp = "%s, %s" % (day.strftime("%A"), long_date(day))
    lines = head("Ashby Vale Gazette - %s" % article["title"])
    extras = {}
    for caption in article.get("caption", []):
        position, text = fields(caption)
        extras.setdefault(int(position) - 1, []).append(
            "<div class=\"photo\"><img src=\"/s.jpg\" alt=\"\"><p class=\"photo-text\">%s</p></div>" % esc(text))
    lines += ["<body>", "<h1>Ashby Vale Gazette</h1>", "<p>Serving Ashby, Millbrook and the Vale since 1887</p>",
              "<div id=\"content\">", "<h1>%s</h1>" % esc(article["title"]),
              "<p>%s</p>" % esc(("By %s | %s" % (join_names(names), stamp)) if names else "Staff report | " + stamp)]
    lines += paragraphs_html(article, extras=extras)
    lines += ["<p>Have a story? Email <a href=\"mailto:newsdesk@ashbyvalegazette.example\">"
              "newsdesk@ashbyvalegazette.example</a> or call 01632 960441.</p>", "</div>"]
    lines += related(others(articles, index, 4), "More local news")
    lines += ["<p>Ashby Vale Gazette, 12 Market Place, Ashby. © %d Vale Media Group</p>" % day.year, "</body>", "</html>"]
    return lines, {"author": names, "lede": "", "body": gold_body(article)}


def pressrelease(article, index, articles):
    """A release with og:title and JSON-LD (reliable metadata), no byline, and the organisation's
    "About ORG" boilerplate and media contact inside the release's text container."""
    day = article["day"]
    contact = fields(article["contact"])
    first = "%s, %s /ReleasePoint/ -- %s" % (article["place"], us_date(day), article["paragraphs"][0])
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["title"],
          "datePublished": "%sT%s:00+01:00" % (article["date"], article["time"]),
          "publisher": {"@type": "Organization", "name": "ReleasePoint"}}
    lines = head("%s | ReleasePoint" % article["title"],
                 "<meta property=\"og:title\" content=\"%s\">\n<script type=\"application/ld+json\">%s</script>" % (
                     esc(article["title"]), json.dumps(ld)))
    lines += ["<body>", "<nav><a href=\"/\">ReleasePoint</a> <a href=\"/news\">Newsroom</a></nav>", "<main>",
              "<p class=\"label\">PRESS RELEASE</p>", "<h1>%s</h1>" % esc(article["title"]),
              "<h2 class=\"subtitle\">%s</h2>" % esc(article["dek"]),
              "<p>News provided by <a href=\"/org\">%s</a></p>" % esc(article["org"]),
              "<p>%s %d, %d, %s CET</p>" % (us_date(day)[:3], day.day, day.year, article["time"]),
              "<div class=\"release-body\">"] + paragraphs_html(article, first)
    lines += ["<h3>About %s</h3>" % esc(article["org"]), "<p>%s</p>" % esc(article["about"]),
              "<h3>Media contact</h3>", "<p>%s</p>" % "<br>".join(esc(c) for c in contact),
              "<p>SOURCE %s</p>" % esc(article["org"]), "</div>", "</main>"]
    lines += related(others(articles, index, 2), "More releases from this source")
    lines += ["</body>", "</html>"]
    return lines, {"author": [], "lede": article["dek"], "body": gold_body(article, first)}


LAYOUTS = {"wire": wire, "blog": blog, "portal": portal, "magazine": magazine, "local": local,
           "pressrelease": pressrelease}


def render(layout):
    articles = parse_sources(SOURCES / (layout + ".txt"))
    out = {}
    for index, article in enumerate(articles):
        lines, gold = LAYOUTS[layout](article, index, articles)
        page = "\n".join(line for line in lines if line) + "\n"
        record = {"title": article["title"], "author": gold["author"], "date": article["date"],
                  "lede": gold["lede"], "body": gold["body"], "scrape": "html"}
        out[article["name"]] = (page, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return out


def main(argv):
    check = "--check" in argv
    differ = sum(write_pages(PAGES / ("html-" + layout), render(layout), ".html", check) for layout in LAYOUTS)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
