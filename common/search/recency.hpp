// The recency boost: a posting source giving each dated article an extra weight that halves every
// `half_life_days` of age, counted back from the newest article in the collection (not from today,
// so an archive ranks the same next year). Added to relevance with OP_AND_MAYBE: it reorders
// matching articles and never makes a non-matching one match.
#pragma once
#include <string>

#include <xapian.h>

namespace newsdex {

// Days since 1970-01-01 of "YYYYMMDD" (-1 when not a date).
long days_from_value(const std::string& yyyymmdd);

// The extra weight of an article `age_days` older than the newest: max_weight * 0.5^(age/half_life).
double recency_weight(double age_days, double half_life_days, double max_weight);

// The boost as a posting source over the date slot: Xapian's built-in ValueMapPostingSource with each day
// of the collection (its D terms, over every shard) mapped to its weight, so that a stock xapian-tcpsrv
// runs it too (a source of our own cannot be run there). `newest_day`: days_from_value of the newest date
// in the whole collection. Articles without a date get no boost. The caller owns the result (release()).
Xapian::ValueMapPostingSource* recency_source(const Xapian::Database& database, double half_life_days,
                                              double max_weight, long newest_day);

}  // namespace newsdex
