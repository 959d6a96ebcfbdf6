// The article described by a page's JSON-LD (<script type="application/ld+json">): a NewsArticle,
// Article, BlogPosting… at the top level, in an array, or inside an @graph.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::html {

struct JsonLdArticle {
  std::string headline, published, author, publisher, url, description, body;
};

// Reads the first article object found in the scripts' text (invalid JSON is ignored); the
// publisher may also come from a separate Organization/WebSite object.
JsonLdArticle read_json_ld(const std::vector<std::string>& scripts);

}  // namespace newsdex::html
