#include "execution/window.hpp"

#include <algorithm>
#include <numeric>

#include "common/error.hpp"
#include "execution/aggregate.hpp"
#include "types/compare.hpp"

namespace tusk {

WindowOp::WindowOp(OpP c, std::vector<WindowCall> cs) : child(std::move(c)), calls(std::move(cs)) {
  names = child->names;
  types = child->types;
  for (const auto& w : calls) { names.push_back(w.name); types.push_back(w.type); }
}

namespace {
struct Sorted {
  std::vector<size_t> order;        // row indexes in window order
  std::vector<size_t> part_start;   // per position: first position of its partition
  std::vector<size_t> part_end;     // per position: one past the last of its partition
  std::vector<size_t> peer_start, peer_end;
};

// Frame bounds move from a row position by an offset of up to 2^63 - 1 rows; they stop at the
// partition's edge instead of overflowing (PostgreSQL clamps the same way).
size_t StepForward(size_t from, int64_t off, size_t limit) {
  return static_cast<uint64_t>(off) >= limit - std::min(from, limit) ? limit : from + static_cast<size_t>(off);
}
size_t StepBack(size_t from, int64_t off, size_t limit) {
  return static_cast<uint64_t>(off) >= from - std::min(from, limit) ? limit : from - static_cast<size_t>(off);
}

int64_t OffsetValue(const ExprP& e, EvalContext& ctx, const char* what) {
  Row none;
  EvalContext c = ctx;
  c.row = &none;
  Value v = e->Eval(c);
  if (v.is_null()) throw Error(sqlstate::kNullValueNotAllowed, std::string("frame ") + what + " offset must not be null");
  if (v.i() < 0) throw Error("22013", std::string("frame ") + what + " offset must not be negative");
  return v.i();
}
}  // namespace

void WindowOp::Open(EvalContext* ctx) {
  ReleaseAtEnd(ctx);
  held_.Clear();
  rows_ = RunToVector(child.get(), ctx, &held_);
  pos_ = 0;
  size_t width = child->types.size();
  for (auto& r : rows_) r.resize(width + calls.size());
  std::vector<size_t> last_order(rows_.size());
  std::iota(last_order.begin(), last_order.end(), 0);
  for (size_t wi = 0; wi < calls.size(); wi++) {
    const WindowCall& w = calls[wi];
    // Sort keys: partition, then order.
    std::vector<Row> keys(rows_.size());
    for (size_t i = 0; i < rows_.size(); i++) {
      EvalContext c = *ctx;
      c.row = &rows_[i];
      for (auto& p : w.partition) keys[i].push_back(p->Eval(c));
      for (auto& o : w.order) keys[i].push_back(o.expr->Eval(c));
    }
    size_t np = w.partition.size();
    auto cmp_range = [&](size_t a, size_t b, size_t from, size_t to) {
      for (size_t k = from; k < to; k++) {
        const Type& t = k < np ? w.partition[k]->type : w.order[k - np].expr->type;
        bool desc = k >= np && w.order[k - np].desc;
        bool nf = k >= np ? w.order[k - np].nulls_first : false;
        int c = CompareNullable(t, keys[a][k], keys[b][k], nf);
        if (!keys[a][k].is_null() && !keys[b][k].is_null() && desc) c = -c;
        if (c) return c;
      }
      return 0;
    };
    Sorted s;
    s.order.resize(rows_.size());
    std::iota(s.order.begin(), s.order.end(), 0);
    std::stable_sort(s.order.begin(), s.order.end(), [&](size_t a, size_t b) { return cmp_range(a, b, 0, keys.empty() ? 0 : keys[0].size()) < 0; });
    size_t n = rows_.size();
    s.part_start.resize(n); s.part_end.resize(n); s.peer_start.resize(n); s.peer_end.resize(n);
    for (size_t i = 0; i < n;) {
      size_t j = i;
      while (j < n && cmp_range(s.order[i], s.order[j], 0, np) == 0) j++;
      for (size_t k = i; k < j; k++) { s.part_start[k] = i; s.part_end[k] = j; }
      for (size_t a = i; a < j;) {
        size_t b = a;
        while (b < j && cmp_range(s.order[a], s.order[b], np, keys[0].size()) == 0) b++;
        for (size_t k = a; k < b; k++) { s.peer_start[k] = a; s.peer_end[k] = b; }
        a = b;
      }
      i = j;
    }
    int opts = w.frame.options;
    if (!(opts & frame::kNonDefault)) opts = frame::kDefaults;
    int64_t start_off = (opts & (frame::kStartOffsetPreceding | frame::kStartOffsetFollowing)) ? OffsetValue(w.frame.start_offset, *ctx, "starting") : 0;
    int64_t end_off = (opts & (frame::kEndOffsetPreceding | frame::kEndOffsetFollowing)) ? OffsetValue(w.frame.end_offset, *ctx, "ending") : 0;
    bool has_order = !w.order.empty();
    for (size_t p = 0; p < n; p++) {
      CheckCancel(ctx);
      size_t ps = s.part_start[p], pe = s.part_end[p];
      Row& out = rows_[s.order[p]];
      EvalContext c = *ctx;
      c.row = &rows_[s.order[p]];
      const std::string& f = w.name;
      Value result;
      auto arg = [&](size_t i, size_t at) {
        EvalContext cc = *ctx;
        cc.row = &rows_[s.order[at]];
        return w.args[i]->Eval(cc);
      };
      // Peer groups (for rank functions and GROUPS frames) are counted within the partition.
      if (f == "row_number") {
        result = Value::Int(static_cast<int64_t>(p - ps + 1));
      } else if (f == "rank") {
        result = Value::Int(static_cast<int64_t>((has_order ? s.peer_start[p] : ps) - ps + 1));
      } else if (f == "dense_rank") {
        int64_t groups = 1;
        for (size_t k = ps; has_order && k < s.peer_start[p]; k = s.peer_end[k]) groups++;
        result = Value::Int(groups);
      } else if (f == "percent_rank") {
        size_t rank = (has_order ? s.peer_start[p] : ps) - ps;
        result = Value::Float(pe - ps > 1 ? static_cast<double>(rank) / static_cast<double>(pe - ps - 1) : 0.0);
      } else if (f == "cume_dist") {
        size_t upto = (has_order ? s.peer_end[p] : pe) - ps;
        result = Value::Float(static_cast<double>(upto) / static_cast<double>(pe - ps));
      } else if (f == "ntile") {
        Value b = arg(0, p);
        if (b.is_null()) result = Value::Null();
        else {
          if (b.i() <= 0) throw Error("22014", "argument of ntile must be greater than zero");
          int64_t total = static_cast<int64_t>(pe - ps), buckets = b.i(), idx = static_cast<int64_t>(p - ps);
          int64_t per = total / buckets, extra = total % buckets;
          int64_t big = extra * (per + 1);
          result = Value::Int(idx < big ? idx / (per + 1) + 1 : (per ? (idx - big) / per + extra + 1 : idx + 1));
        }
      } else if (f == "lag" || f == "lead") {
        int64_t off = 1;
        if (w.args.size() > 1) {
          Value o = arg(1, p);
          if (o.is_null()) { out[width + wi] = Value::Null(); continue; }
          off = o.i();
        }
        int64_t target = static_cast<int64_t>(p) + (f == "lag" ? -off : off);
        if (target >= static_cast<int64_t>(ps) && target < static_cast<int64_t>(pe)) result = arg(0, static_cast<size_t>(target));
        else result = w.args.size() > 2 ? arg(2, p) : Value::Null();
      } else {
        // Frame-based functions.
        size_t fs = ps, fe = pe;  // [fs, fe)
        if (opts & frame::kRows) {
          if (opts & frame::kStartCurrentRow) fs = p;
          else if (opts & frame::kStartOffsetPreceding) fs = StepBack(p, start_off, ps);
          else if (opts & frame::kStartOffsetFollowing) fs = StepForward(p, start_off, pe);
          if (opts & frame::kEndCurrentRow) fe = p + 1;
          else if (opts & frame::kEndOffsetPreceding) fe = end_off == 0 ? p + 1 : StepBack(p, end_off - 1, ps);
          else if (opts & frame::kEndOffsetFollowing) fe = StepForward(p + 1, end_off, pe);
        } else if (opts & frame::kGroups) {
          // offsets count peer groups
          auto group_start = [&](size_t k) { return has_order ? s.peer_start[k] : ps; };
          auto group_end = [&](size_t k) { return has_order ? s.peer_end[k] : pe; };
          if (opts & frame::kStartCurrentRow) fs = group_start(p);
          else if (opts & (frame::kStartOffsetPreceding | frame::kStartOffsetFollowing)) {
            size_t g = group_start(p);
            for (int64_t k = 0; k < start_off; k++) {
              if (opts & frame::kStartOffsetPreceding) { if (g == ps) break; g = group_start(g - 1); }
              else { g = group_end(g); if (g >= pe) break; }
            }
            fs = std::min(g, pe);
          }
          if (opts & frame::kEndCurrentRow) fe = group_end(p);
          else if (opts & (frame::kEndOffsetPreceding | frame::kEndOffsetFollowing)) {
            size_t g = group_start(p);
            bool empty = false;
            for (int64_t k = 0; k < end_off; k++) {
              if (opts & frame::kEndOffsetPreceding) { if (g == ps) { empty = true; break; } g = group_start(g - 1); }
              else { if (group_end(g) >= pe) { g = pe; break; } g = group_end(g); }
            }
            fe = empty ? ps : (g >= pe ? pe : group_end(g));
          }
        } else {  // RANGE
          if (opts & (frame::kStartOffsetPreceding | frame::kStartOffsetFollowing | frame::kEndOffsetPreceding | frame::kEndOffsetFollowing))
            throw Error(sqlstate::kFeatureNotSupported, "RANGE with offset PRECEDING/FOLLOWING is not supported yet");
          if (opts & frame::kStartCurrentRow) fs = has_order ? s.peer_start[p] : ps;
          if (opts & frame::kEndCurrentRow) fe = has_order ? s.peer_end[p] : pe;
        }
        fe = std::max(fs, fe);
        auto excluded = [&](size_t k) {
          if ((opts & frame::kExcludeCurrentRow) && k == p) return true;
          bool peer = has_order && k >= s.peer_start[p] && k < s.peer_end[p];
          if ((opts & frame::kExcludeGroup) && peer) return true;
          return (opts & frame::kExcludeTies) && peer && k != p;
        };
        // The k-th (1-based) frame member, or SIZE_MAX; members are visited without being
        // collected, so a frame as wide as the partition costs no memory.
        auto nth_member = [&](size_t k) {
          for (size_t at = fs; at < fe; at++)
            if (!excluded(at) && --k == 0) return at;
          return SIZE_MAX;
        };
        if (f == "first_value") {
          size_t at = nth_member(1);
          result = at == SIZE_MAX ? Value::Null() : arg(0, at);
        } else if (f == "last_value") {
          size_t at = fe;
          while (at > fs && excluded(at - 1)) at--;
          result = at == fs ? Value::Null() : arg(0, at - 1);
        } else if (f == "nth_value") {
          Value nv = arg(1, p);
          if (nv.is_null()) result = Value::Null();
          else {
            if (nv.i() <= 0) throw Error("22016", "argument of nth_value must be greater than zero");
            size_t at = static_cast<uint64_t>(nv.i()) > fe - fs ? SIZE_MAX : nth_member(static_cast<size_t>(nv.i()));
            result = at == SIZE_MAX ? Value::Null() : arg(0, at);
          }
        } else {
          AggState st;
          for (size_t k = fs; k < fe; k++) {
            if (excluded(k)) continue;
            if (((k - fs) & 1023) == 1023) CheckCancel(ctx);
            EvalContext cc = *ctx;
            cc.row = &rows_[s.order[k]];
            if (w.agg.filter && !IsTrue(w.agg.filter->Eval(cc))) continue;
            Value v = w.agg.arg ? w.agg.arg->Eval(cc) : Value::Bool(true);
            if (w.agg.name == "count" && w.agg.arg && v.is_null()) continue;
            Value extra = w.agg.arg2 ? w.agg.arg2->Eval(cc) : Value();
            Accumulate(w.agg, st, v, extra);
          }
          result = Finish(w.agg, st);
        }
      }
      out[width + wi] = result;
    }
    last_order = s.order;
  }
  // Emit in the order of the last window's sort, as PostgreSQL does.
  std::vector<Row> sorted;
  sorted.reserve(rows_.size());
  for (size_t i : last_order) sorted.push_back(std::move(rows_[i]));
  rows_ = std::move(sorted);
}

bool WindowOp::Next(Row* out) {
  if (pos_ >= rows_.size()) return false;
  *out = std::move(rows_[pos_++]);
  return true;
}

void WindowOp::Explain(std::vector<std::string>* out, int depth) const {
  ExplainLine(out, depth, "WindowAgg");
  child->Explain(out, depth + 1);
}

}  // namespace tusk
