// More like this: a query built from one article's most telling words (Xapian's relevance feedback:
// RSet + ESet) and its people, organisations and places, which leaves that article out.
#pragma once
#include <string_view>

#include <xapian.h>

namespace newsdex {

// Extra weight an article gets for each entity it shares with the given one.
inline constexpr double shared_entity_weight = 2.0;
inline constexpr Xapian::termcount like_terms = 25;

// `id`: an article id as shown in results ("url:...", "file:...#0") or a docid. Throws QueryError
// when no such article exists.
// `language`: the index's; its common words are never chosen (query/stopwords.hpp).
Xapian::Query more_like_this(const Xapian::Database& database, std::string_view id,
                             const std::string& language = "english");

}  // namespace newsdex
