#include "ops/column_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "types/compare.hpp"

namespace tusk {

namespace {
// PostgreSQL leaves values wider than this (uncompressed, with a 4-byte header) out of the
// MCV and histogram computation: they are counted as distinct.
constexpr size_t kWidthThreshold = 1024;

// A variable-length datum as stored in a table: a 1-byte header when it fits in 127 bytes.
int VarlenaSize(size_t data) { return static_cast<int>(data + 1 <= 127 ? data + 1 : data + 4); }

// numeric's stored form: a 2-byte header (4 when the weight or scale is large) and one 2-byte
// digit per 4 decimal digits, leading and trailing zero digits left out.
size_t NumericDataSize(const std::string& text) {
  if (text == "NaN" || text == "Infinity" || text == "-Infinity") return 2;
  std::string s = text[0] == '-' ? text.substr(1) : text;
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  const size_t dscale = frac.size();
  int_part = std::string((4 - int_part.size() % 4) % 4, '0') + int_part;
  while (frac.size() % 4) frac += '0';
  std::string all = int_part + frac;
  std::vector<bool> nonzero;
  for (size_t i = 0; i < all.size(); i += 4) nonzero.push_back(all.compare(i, 4, "0000") != 0);
  int weight = static_cast<int>(int_part.size() / 4) - 1;
  size_t first = 0, last = nonzero.size();
  while (first < last && !nonzero[first]) first++, weight--;
  while (last > first && !nonzero[last - 1]) last--;
  size_t ndigits = last - first;
  if (ndigits == 0) weight = 0;
  bool short_form = dscale <= 63 && weight >= -64 && weight <= 63;
  return (short_form ? 2 : 4) + 2 * ndigits;
}

size_t AlignTo(size_t n, size_t a) { return (n + a - 1) / a * a; }

// The uncompressed size of a variable-length value with a 4-byte header (toast_raw_datum_size).
size_t RawSize(const Type& t, const Value& v);

size_t ArrayDataSize(const Type& t, const Value& v) {
  Type elem = t.Element();
  int elem_len = TypeLength(elem.id);
  bool nulls = false;
  size_t data = 0;
  for (const Value& e : v.arr()) {
    if (e.is_null()) { nulls = true; continue; }
    if (elem_len > 0) data = AlignTo(data, static_cast<size_t>(std::min(elem_len, 8))) + static_cast<size_t>(elem_len);
    else data = AlignTo(data, 4) + RawSize(elem, e);  // elements keep 4-byte headers
  }
  size_t header = 12 + 8;  // ndim, data offset, element type; one dimension's size and lower bound
  if (nulls) header += (v.arr().size() + 7) / 8;
  return AlignTo(header + 4, 8) - 4 + data;  // the data starts MAXALIGNed from the header's start
}

size_t DataSize(const Type& t, const Value& v) {
  if (t.array) return ArrayDataSize(t, v);
  if (t.id == oid::kNumeric) return NumericDataSize(v.s());
  return v.s().size();  // text, varchar, char(n) (stored padded), bytea, json; jsonb approximated
}

size_t RawSize(const Type& t, const Value& v) { return DataSize(t, v) + 4; }

bool IsFixedWidth(const Type& t) { return !t.array && TypeLength(t.id) > 0; }

// json has no ordering (nor equality) in PostgreSQL: its statistics are the trivial ones.
bool HasOrdering(const Type& t) { return t.id != oid::kJson; }

// analyze_mcv_list: how many of the most common values (counts, most common first) are common
// enough, compared with the average of the other values, to be worth keeping.
int KeepCommonValues(const std::vector<int>& counts, int num_mcv, float stadistinct, float stanullfrac, int samplerows,
                     double totalrows) {
  if (samplerows == totalrows || totalrows <= 1.0) return num_mcv;
  double ndistinct_table = stadistinct;
  if (ndistinct_table < 0) ndistinct_table = -ndistinct_table * totalrows;
  double sumcount = 0;
  for (int i = 0; i < num_mcv - 1; i++) sumcount += counts[static_cast<size_t>(i)];
  while (num_mcv > 0) {
    double selec = 1.0 - sumcount / samplerows - stanullfrac;
    selec = std::clamp(selec, 0.0, 1.0);
    double otherdistinct = ndistinct_table - (num_mcv - 1);
    if (otherdistinct > 1) selec /= otherdistinct;
    double N = totalrows, n = samplerows;
    double K = N * counts[static_cast<size_t>(num_mcv - 1)] / n;
    double variance = n * K * (N - K) * (N - n) / (N * N * (N - 1));
    double stddev = std::sqrt(variance);
    if (counts[static_cast<size_t>(num_mcv - 1)] > selec * samplerows + 2 * stddev + 0.5) break;
    num_mcv--;
    if (num_mcv == 0) break;
    sumcount -= counts[static_cast<size_t>(num_mcv - 1)];
  }
  return num_mcv;
}
}  // namespace

int StoredWidth(const Type& type, const Value& v) {
  if (IsFixedWidth(type)) return TypeLength(type.id);
  return VarlenaSize(DataSize(type, v));
}

ColumnStatistics ComputeColumnStatistics(const Type& type, const std::vector<Value>& sample, double total_rows,
                                         int target) {
  ColumnStatistics c;
  c.type = type;
  const int samplerows = static_cast<int>(sample.size());
  const bool fixed = IsFixedWidth(type);
  const bool ordered = HasOrdering(type);
  int null_cnt = 0, nonnull_cnt = 0, toowide_cnt = 0;
  double total_width = 0;
  struct Item { const Value* value; int tupno; };
  std::vector<Item> values;
  for (const Value& v : sample) {
    if (v.is_null()) { null_cnt++; continue; }
    nonnull_cnt++;
    if (!fixed) {
      total_width += StoredWidth(type, v);
      if (ordered && RawSize(type, v) > kWidthThreshold) { toowide_cnt++; continue; }
    }
    if (ordered) values.push_back({&v, static_cast<int>(values.size())});
  }
  // The catalog keeps these as float4, and PostgreSQL computes on from the rounded values.
  float nullfrac = 0, stadistinct = 0;
  auto width = [&] { return fixed ? TypeLength(type.id) : static_cast<int>(total_width / nonnull_cnt); };
  auto finish = [&] {
    c.null_frac = nullfrac;
    c.n_distinct = stadistinct;
    return c;
  };
  if (values.empty()) {
    if (nonnull_cnt > 0) {  // no ordering, or every value too wide
      nullfrac = static_cast<float>(static_cast<double>(null_cnt) / samplerows);
      c.width = width();
      stadistinct = ordered ? static_cast<float>(-1.0 * (1.0 - nullfrac)) : 0.0f;
    } else if (null_cnt > 0) {
      nullfrac = 1.0f;
      c.width = fixed ? TypeLength(type.id) : 0;
    }
    return finish();
  }

  std::sort(values.begin(), values.end(), [&](const Item& a, const Item& b) {
    int cmp = CompareValues(type, *a.value, *b.value);
    return cmp != 0 ? cmp < 0 : a.tupno < b.tupno;
  });
  struct Track { int count, first; };
  std::vector<Track> track;  // the most common values, most common first, ties in value order
  const int values_cnt = static_cast<int>(values.size());
  int ndistinct = 0, nmultiple = 0, dups_cnt = 0;
  int num_mcv = target, num_bins = target;
  double corr_xysum = 0;
  for (int i = 0; i < values_cnt; i++) {
    corr_xysum += static_cast<double>(i) * values[static_cast<size_t>(i)].tupno;
    dups_cnt++;
    bool last_of_group = i == values_cnt - 1 ||
                         CompareValues(type, *values[static_cast<size_t>(i)].value, *values[static_cast<size_t>(i) + 1].value) != 0;
    if (!last_of_group) continue;
    ndistinct++;
    if (dups_cnt > 1) {
      nmultiple++;
      if (static_cast<int>(track.size()) < num_mcv || dups_cnt > track.back().count) {
        if (static_cast<int>(track.size()) < num_mcv) track.push_back({0, 0});
        size_t j = track.size() - 1;
        for (; j > 0 && dups_cnt > track[j - 1].count; j--) track[j] = track[j - 1];
        track[j] = {dups_cnt, i + 1 - dups_cnt};
      }
    }
    dups_cnt = 0;
  }

  nullfrac = static_cast<float>(static_cast<double>(null_cnt) / samplerows);
  c.width = width();
  if (nmultiple == 0) {
    stadistinct = static_cast<float>(-1.0 * (1.0 - nullfrac));  // every value unique
  } else if (toowide_cnt == 0 && nmultiple == ndistinct) {
    stadistinct = static_cast<float>(ndistinct);  // every value seen more than once: all of them
  } else {
    // Haas and Stokes' Duj1 estimator: n*d / (n - f1 + f1*n/N)
    int f1 = ndistinct - nmultiple + toowide_cnt;
    int d = f1 + nmultiple;
    double n = samplerows - null_cnt;
    double N = total_rows * (1.0 - nullfrac);
    double estimate = N > 0 ? (n * d) / ((n - f1) + f1 * n / N) : 0;
    if (estimate < d) estimate = d;
    if (estimate > N) estimate = N;
    stadistinct = static_cast<float>(std::floor(estimate + 0.5));
  }
  if (stadistinct > 0.1 * total_rows) stadistinct = static_cast<float>(-(stadistinct / total_rows));

  const int track_cnt = static_cast<int>(track.size());
  if (track_cnt == ndistinct && toowide_cnt == 0 && stadistinct > 0 && track_cnt <= num_mcv) {
    num_mcv = track_cnt;  // every value is in the list
  } else {
    num_mcv = std::min(num_mcv, track_cnt);
    if (num_mcv > 0) {
      std::vector<int> counts;
      for (int i = 0; i < num_mcv; i++) counts.push_back(track[static_cast<size_t>(i)].count);
      num_mcv = KeepCommonValues(counts, num_mcv, stadistinct, nullfrac, samplerows, total_rows);
    }
  }
  for (int i = 0; i < num_mcv; i++) {
    const Track& t = track[static_cast<size_t>(i)];
    c.mcv.push_back(*values[static_cast<size_t>(t.first)].value);
    c.mcv_freqs.push_back(static_cast<float>(static_cast<double>(t.count) / samplerows));
  }

  // The histogram: equally spaced values of the sorted sample with the MCVs taken out.
  int num_hist = ndistinct - num_mcv;
  if (num_hist > num_bins) num_hist = num_bins + 1;
  if (num_hist >= 2) {
    std::vector<Track> mcvs(track.begin(), track.begin() + num_mcv);
    std::sort(mcvs.begin(), mcvs.end(), [](const Track& a, const Track& b) { return a.first < b.first; });
    std::vector<const Value*> rest;
    size_t j = 0;
    for (int src = 0; src < values_cnt;) {
      if (j < mcvs.size() && src >= mcvs[j].first) {
        src = mcvs[j].first + mcvs[j].count;
        j++;
        continue;
      }
      rest.push_back(values[static_cast<size_t>(src)].value);
      src++;
    }
    const int nvals = static_cast<int>(rest.size());
    int delta = (nvals - 1) / (num_hist - 1), deltafrac = (nvals - 1) % (num_hist - 1);
    for (int i = 0, pos = 0, posfrac = 0; i < num_hist; i++) {
      c.histogram.push_back(*rest[static_cast<size_t>(pos)]);
      pos += delta;
      posfrac += deltafrac;
      if (posfrac >= num_hist - 1) {
        pos++;
        posfrac -= num_hist - 1;
      }
    }
  }

  // Correlation between storage order (tupno) and value order (position after sorting).
  if (values_cnt > 1) {
    double n = values_cnt;
    double xsum = (n - 1) * n / 2.0;
    double x2sum = (n - 1) * n * (2 * n - 1) / 6.0;
    c.correlation = static_cast<float>((n * corr_xysum - xsum * xsum) / (n * x2sum - xsum * xsum));
  }
  return finish();
}

}  // namespace tusk
