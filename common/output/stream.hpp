// A search whose results go to a writer one at a time (--jsonl, --csv, --tsv, --output). With
// --limit all each hit is written as it is made and dropped, so a list of every match never holds
// them all: only Xapian's list of matching document ids (a few dozen bytes each) is kept.
#pragma once
#include <cstddef>
#include <functional>

#include "common/search/search.hpp"

namespace newsdex {

// Makes `request` ask for every match in one list (--limit all): no page, so no top-up with
// articles having some of the words (docs/search.md, "Counts").
void ask_for_every_match(SearchRequest& request);

// Runs `request`, handing each result to `write` in rank order; the response holds counts, facets and
// the query. A page (a number as --limit) is made first and then written, as the other outputs do,
// so that a search run again after an indexer's commit (Searcher::search) stays invisible. Every
// match (--limit all) is written as it is made, and the response holds no hits: then a commit that
// discards the revision being read after results were written throws DatabaseError (the output is
// incomplete; a retry would write them twice).
SearchResponse search_and_write(Searcher& searcher, SearchRequest request,
                                const std::function<void(const Hit&)>& write);

}  // namespace newsdex
