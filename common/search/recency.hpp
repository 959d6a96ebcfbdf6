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

class RecencyPostingSource : public Xapian::ValuePostingSource {
 public:
  // `newest_day`: days_from_value of the newest date in the whole collection (all shards).
  RecencyPostingSource(double half_life_days, double max_weight, long newest_day);
  void init(const Xapian::Database& database) override;
  double get_weight() const override;
  RecencyPostingSource* clone() const override;
  std::string name() const override { return "newsdex::RecencyPostingSource"; }

 private:
  double half_life_days_, max_weight_;
  long newest_day_;
};

}  // namespace newsdex
