"""SQLite FTS5, the peer most users already have: building an index from JSON Lines and querying it.

Tokenizer "porter unicode61" (English stemming, case and accent folding), ranking by bm25() (FTS5's
fixed k1=1.2, b=0.75), snippets by snippet(). Natural-language text becomes an OR of quoted words,
since FTS5's own syntax would read a bare word list as AND and choke on punctuation.
"""
import json
import re
import sqlite3

WORD = re.compile(r"\w+", re.UNICODE)
SCHEMA = "CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')"


def build_sql_script(json_array_path, db_columns=("title", "body")):
    """SQL for the sqlite3 command-line shell: one transaction reading a JSON array with readfile()."""
    fields = ", ".join("json_extract(value, '$.%s')" % c for c in db_columns)
    return ("%s;\nBEGIN;\nINSERT INTO articles(id, %s) SELECT json_extract(value, '$.id'), %s "
            "FROM json_each(readfile('%s'));\nCOMMIT;\n" % (SCHEMA, ", ".join(db_columns), fields, json_array_path))


def build_in_process(db_path, jsonl_path):
    """Builds the index from Python (used for the small IR collections, where speed does not matter)."""
    connection = sqlite3.connect(db_path)
    connection.execute("DROP TABLE IF EXISTS articles")
    connection.execute(SCHEMA)
    with open(jsonl_path, encoding="utf-8") as f, connection:
        rows = (json.loads(line) for line in f if line.strip())
        connection.executemany("INSERT INTO articles(id, title, body) VALUES (?, ?, ?)",
                               ((r.get("id", ""), r.get("title", ""), r.get("body", "")) for r in rows))
    return connection


def match_expression(text, operator="OR", phrase=False):
    words = WORD.findall(text)
    if not words:
        return None
    if phrase:
        return '"%s"' % " ".join(words)
    return (" %s " % operator).join('"%s"' % w for w in words)


def search(connection, text, limit=10, snippets=False, operator="OR", phrase=False):
    """[(id, score)] best first; with snippets, [(id, score, snippet)]."""
    expression = match_expression(text, operator, phrase)
    if expression is None:
        return []
    columns = "id, bm25(articles)"
    if snippets:
        columns += ", snippet(articles, 2, '[', ']', '...', 20)"
    sql = "SELECT %s FROM articles WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT ?" % columns
    return connection.execute(sql, (expression, limit)).fetchall()
