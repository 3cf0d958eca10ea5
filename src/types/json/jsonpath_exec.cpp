// The jsonpath executor: PostgreSQL 15's executeItemOptUnwrapTarget and friends over Jsonb
// trees. Items are pointers into the document (or into values the path computes, kept in an
// arena), so a path that selects a large subtree does not copy it until the caller asks.
#include "types/json/jsonpath_exec.hpp"

#include <cmath>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "common/error.hpp"
#include "common/stack_depth.hpp"
#include "function/regex_engine.hpp"
#include "types/json/jsonpath_datetime.hpp"
#include "types/numeric.hpp"
#include "types/text_io.hpp"

namespace tusk {

namespace {

enum class Bool3 { kFalse, kTrue, kUnknown };
using Items = std::vector<const Jsonb*>;

Numeric NumberOf(const Jsonb& v) {
  Numeric n;
  Numeric::Parse(v.text, &n);
  return n;
}

// keyvalue()'s "id" is the byte offset of the object inside PostgreSQL's binary jsonb (plus
// 10^10 times the number of the document it is in). These mirror convertJsonbValue's layout:
// containers and numerics are aligned to 4 bytes from the start of the varlena.
size_t Align(size_t pos) { return (pos + 3) & ~static_cast<size_t>(3); }

size_t NumericSize(const std::string& text) {
  std::string_view t = text;
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  size_t point = t.find('.');
  std::string_view ip = t.substr(0, point), fp = point == std::string_view::npos ? "" : t.substr(point + 1);
  int dscale = static_cast<int>(fp.size());
  // Base-10000 digits: the integer part grouped from the point leftwards, the fraction rightwards.
  std::vector<int> groups;
  int int_groups = static_cast<int>((ip.size() + 3) / 4);
  std::string ipad = std::string(static_cast<size_t>(int_groups) * 4 - ip.size(), '0') + std::string(ip);
  std::string fpad = std::string(fp) + std::string((4 - fp.size() % 4) % 4, '0');
  for (size_t i = 0; i < ipad.size(); i += 4) groups.push_back(std::stoi(ipad.substr(i, 4)));
  for (size_t i = 0; i < fpad.size(); i += 4) groups.push_back(std::stoi(fpad.substr(i, 4)));
  size_t lead = 0, end = groups.size();
  while (lead < end && groups[lead] == 0) lead++;
  while (end > lead && groups[end - 1] == 0) end--;
  int ndigits = static_cast<int>(end - lead);
  int weight = ndigits ? int_groups - 1 - static_cast<int>(lead) : 0;
  bool is_short = dscale <= 63 && weight >= -64 && weight <= 63;
  return (is_short ? 6 : 8) + 2 * static_cast<size_t>(ndigits);
}

size_t Layout(const Jsonb& v, size_t pos, const Jsonb* target, size_t* at);

size_t ContainerLayout(const Jsonb& v, size_t pos, const Jsonb* target, size_t* at) {
  pos = Align(pos);
  if (&v == target) *at = pos;
  size_t n = v.is_array() ? v.items.size() : 2 * v.members.size();
  pos += 4 + 4 * n;
  if (v.is_array()) {
    for (const Jsonb& e : v.items) pos = Layout(e, pos, target, at);
  } else {
    for (const auto& m : v.members) pos += m.first.size();
    for (const auto& m : v.members) pos = Layout(m.second, pos, target, at);
  }
  return pos;
}

size_t Layout(const Jsonb& v, size_t pos, const Jsonb* target, size_t* at) {
  switch (v.kind) {
    case Jsonb::Kind::kString: return pos + v.text.size();
    case Jsonb::Kind::kNumber: return Align(pos) + NumericSize(v.text);
    case Jsonb::Kind::kArray:
    case Jsonb::Kind::kObject: return ContainerLayout(v, pos, target, at);
    default: return pos;
  }
}

// The offset of container `target` inside `base` (0 when it is base itself).
int64_t OffsetIn(const Jsonb& base, const Jsonb* target) {
  size_t at = 4;
  if (base.is_scalar()) return 0;
  ContainerLayout(base, 4, target, &at);
  return static_cast<int64_t>(at) - 4;
}

class Executor {
 public:
  Executor(const JsonPath& path, const Jsonb& doc, const Jsonb* vars, bool throw_errors, bool use_tz,
           const DateTimeContext& dt)
      : lax_(path.lax), ignore_structural_(path.lax), throw_errors_(throw_errors), use_tz_(use_tz), dt_(dt), root_(&doc),
        current_(&doc), vars_(vars), last_generated_id_(vars ? 2 : 1) {}

  JsonPathResult Run(const JsonPathItem& item, Items* found) {
    // In strict mode an exists test still needs every item, to see any error.
    if (!lax_ && !found) {
      Items all;
      JsonPathResult r = Execute(&item, root_, &all);
      if (r == JsonPathResult::kError) return r;
      return all.empty() ? JsonPathResult::kNotFound : JsonPathResult::kOk;
    }
    return Execute(&item, root_, found);
  }

 private:
  struct Base {
    const Jsonb* object = nullptr;
    int64_t id = 0;
  };
  bool lax_, ignore_structural_, throw_errors_, use_tz_;
  const DateTimeContext& dt_;
  const Jsonb* root_;
  const Jsonb* current_;
  const Jsonb* vars_;
  Base base_;
  int64_t last_generated_id_;
  int innermost_array_size_ = -1;
  std::deque<Jsonb> arena_;
  // .datetime()'s items: JSON strings (their ISO text, as results show them) that compare and
  // answer .type() as datetimes.
  std::unordered_map<const Jsonb*, JsonPathDatetime> datetimes_;

  const JsonPathDatetime* DatetimeOf(const Jsonb* v) const {
    auto it = datetimes_.find(v);
    return it == datetimes_.end() ? nullptr : &it->second;
  }
  bool IsString(const Jsonb* v) const { return v->kind == Jsonb::Kind::kString && !DatetimeOf(v); }

  const Jsonb* Keep(Jsonb v) {
    arena_.push_back(std::move(v));
    return &arena_.back();
  }

  JsonPathResult Fail(const char* state, const std::string& message) {
    if (throw_errors_) throw Error(state, message);
    return JsonPathResult::kError;
  }

  JsonPathResult Execute(const JsonPathItem* jsp, const Jsonb* jb, Items* found) { return Item(jsp, jb, found, lax_); }

  // The item after `jsp` on v, or v itself as a result when the path ends there.
  JsonPathResult Next(const JsonPathItem* jsp, const Jsonb* v, Items* found) {
    if (jsp->next) return Execute(jsp->next.get(), v, found);
    if (found) found->push_back(v);
    return JsonPathResult::kOk;
  }

  // executeAnyItem: `jsp` (or, when null, the values themselves) on the values of a container
  // at levels first..last below it.
  JsonPathResult Any(const JsonPathItem* jsp, const Jsonb* container, Items* found, uint32_t level, uint32_t first,
                     uint32_t last, bool ignore_structural, bool unwrap_next) {
    JsonPathResult res = JsonPathResult::kNotFound;
    if (level > last) return res;
    auto visit = [&](const Jsonb& v) -> bool {  // false: stop
      if (level >= first || (first == kAnyLast && last == kAnyLast && v.is_scalar())) {
        if (jsp) {
          bool saved = ignore_structural_;
          if (ignore_structural) ignore_structural_ = true;
          res = Item(jsp, &v, found, unwrap_next);
          ignore_structural_ = saved;
          if (res == JsonPathResult::kError || (res == JsonPathResult::kOk && !found)) return false;
        } else if (found) {
          found->push_back(&v);
        } else {
          res = JsonPathResult::kOk;
          return false;
        }
      }
      if (level < last && !v.is_scalar()) {
        res = Any(jsp, &v, found, level + 1, first, last, ignore_structural, unwrap_next);
        if (res == JsonPathResult::kError || (res == JsonPathResult::kOk && !found)) return false;
      }
      return true;
    };
    if (container->is_array()) {
      for (const Jsonb& e : container->items)
        if (!visit(e)) break;
    } else {
      for (const auto& m : container->members)
        if (!visit(m.second)) break;
    }
    return res;
  }

  JsonPathResult UnwrapArray(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap_elements) {
    return Any(jsp, jb, found, 1, 1, 1, false, unwrap_elements);
  }

  // executeItemOptUnwrapResult: the items of jsp, arrays among them unwrapped in lax mode.
  JsonPathResult ItemsUnwrapped(const JsonPathItem* jsp, const Jsonb* jb, bool unwrap, Items* found) {
    if (!(unwrap && lax_)) return Execute(jsp, jb, found);
    Items seq;
    JsonPathResult res = Execute(jsp, jb, &seq);
    if (res == JsonPathResult::kError) return res;
    for (const Jsonb* item : seq) {
      if (item->is_array()) UnwrapArray(nullptr, item, found, false);
      else found->push_back(item);
    }
    return JsonPathResult::kOk;
  }

  JsonPathResult ItemsNoThrow(const JsonPathItem* jsp, const Jsonb* jb, bool unwrap, Items* found) {
    bool saved = throw_errors_;
    throw_errors_ = false;
    JsonPathResult res;
    if (found) {
      res = ItemsUnwrapped(jsp, jb, unwrap, found);
    } else {
      res = Execute(jsp, jb, nullptr);
    }
    throw_errors_ = saved;
    return res;
  }

  JsonPathResult AppendBool(const JsonPathItem* jsp, Items* found, Bool3 st) {
    if (!jsp->next && !found) return JsonPathResult::kOk;
    Jsonb v = st == Bool3::kUnknown ? Jsonb::Null() : Jsonb::Bool(st == Bool3::kTrue);
    return Next(jsp, Keep(std::move(v)), found);
  }

  JsonPathResult Item(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap);
  JsonPathResult IndexArray(const JsonPathItem* jsp, const Jsonb* jb, Items* found);
  JsonPathResult ArrayIndex(const JsonPathItem* jsp, const Jsonb* jb, int32_t* index);
  JsonPathResult Arithmetic(const JsonPathItem* jsp, const Jsonb* jb, Items* found);
  JsonPathResult UnaryArithmetic(const JsonPathItem* jsp, const Jsonb* jb, Items* found);
  JsonPathResult NumericMethod(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap);
  JsonPathResult Double(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap);
  JsonPathResult KeyValue(const JsonPathItem* jsp, const Jsonb* jb, Items* found);
  JsonPathResult Literal(const JsonPathItem* jsp, Items* found);
  Bool3 BoolItem(const JsonPathItem* jsp, const Jsonb* jb);
  Bool3 Predicate(const JsonPathItem* pred, const JsonPathItem* larg, const JsonPathItem* rarg, const Jsonb* jb,
                  bool unwrap_right);
  Bool3 Apply(const JsonPathItem* pred, const Jsonb* l, const Jsonb* r);
};

JsonPathResult Executor::Item(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap) {
  CheckStackDepth();
  switch (jsp->type) {
    case Jpi::kAnd: case Jpi::kOr: case Jpi::kNot: case Jpi::kIsUnknown: case Jpi::kEqual: case Jpi::kNotEqual:
    case Jpi::kLess: case Jpi::kGreater: case Jpi::kLessOrEqual: case Jpi::kGreaterOrEqual: case Jpi::kExists:
    case Jpi::kStartsWith: case Jpi::kLikeRegex:
      return AppendBool(jsp, found, BoolItem(jsp, jb));
    case Jpi::kKey:
      if (jb->is_object()) {
        if (const Jsonb* v = jb->Find(jsp->text)) return Next(jsp, v, found);
        if (!ignore_structural_) {
          if (!throw_errors_) return JsonPathResult::kError;
          throw Error("2203A", "JSON object does not contain key \"" + jsp->text + "\"");
        }
      } else if (unwrap && jb->is_array()) {
        return UnwrapArray(jsp, jb, found, false);
      } else if (!ignore_structural_) {
        return Fail("2203A", "jsonpath member accessor can only be applied to an object");
      }
      return JsonPathResult::kNotFound;
    case Jpi::kRoot: {
      Base saved = base_;
      base_ = {root_, 0};
      JsonPathResult res = Next(jsp, root_, found);
      base_ = saved;
      return res;
    }
    case Jpi::kCurrent:
      return Next(jsp, current_, found);
    case Jpi::kAnyArray:
      if (jb->is_array()) return UnwrapArray(jsp->next.get(), jb, found, lax_);
      if (lax_) return Next(jsp, jb, found);
      if (!ignore_structural_) return Fail("22039", "jsonpath wildcard array accessor can only be applied to an array");
      return JsonPathResult::kNotFound;
    case Jpi::kIndexArray:
      if (jb->is_array() || lax_) return IndexArray(jsp, jb, found);
      if (!ignore_structural_) return Fail("22039", "jsonpath array accessor can only be applied to an array");
      return JsonPathResult::kNotFound;
    case Jpi::kLast: {
      if (innermost_array_size_ < 0) throw Error(sqlstate::kInternalError, "evaluating jsonpath LAST outside of array subscript");
      if (!jsp->next && !found) return JsonPathResult::kOk;
      return Next(jsp, Keep(Jsonb::Number(std::to_string(innermost_array_size_ - 1))), found);
    }
    case Jpi::kAnyKey:
      if (jb->is_object()) return Any(jsp->next.get(), jb, found, 1, 1, 1, false, lax_);
      if (unwrap && jb->is_array()) return UnwrapArray(jsp, jb, found, false);
      if (!ignore_structural_) return Fail("2203C", "jsonpath wildcard member accessor can only be applied to an object");
      return JsonPathResult::kNotFound;
    case Jpi::kAdd: case Jpi::kSub: case Jpi::kMul: case Jpi::kDiv: case Jpi::kMod:
      return Arithmetic(jsp, jb, found);
    case Jpi::kPlus: case Jpi::kMinus:
      return UnaryArithmetic(jsp, jb, found);
    case Jpi::kFilter: {
      if (unwrap && jb->is_array()) return UnwrapArray(jsp, jb, found, false);
      const Jsonb* saved = current_;
      current_ = jb;
      Bool3 st = BoolItem(jsp->left.get(), jb);
      current_ = saved;
      if (st != Bool3::kTrue) return JsonPathResult::kNotFound;
      return Next(jsp, jb, found);
    }
    case Jpi::kAny: {
      JsonPathResult res = JsonPathResult::kNotFound;
      if (jsp->first == 0) {
        bool saved = ignore_structural_;
        ignore_structural_ = true;
        res = Next(jsp, jb, found);
        ignore_structural_ = saved;
        if (res == JsonPathResult::kOk && !found) return res;
      }
      if (!jb->is_scalar()) res = Any(jsp->next.get(), jb, found, 1, jsp->first, jsp->last, true, lax_);
      return res;
    }
    case Jpi::kNull: case Jpi::kBool: case Jpi::kNumeric: case Jpi::kString: case Jpi::kVariable:
      return Literal(jsp, found);
    case Jpi::kType:
      return Next(jsp, Keep(Jsonb::String(DatetimeOf(jb) ? JsonPathDatetimeTypeName(*DatetimeOf(jb)) : JsonbTypeName(*jb))), found);
    case Jpi::kSize: {
      int64_t size;
      if (jb->is_array()) {
        size = static_cast<int64_t>(jb->items.size());
      } else if (lax_) {
        size = 1;
      } else {
        if (!ignore_structural_) return Fail("22039", "jsonpath item method .size() can only be applied to an array");
        return JsonPathResult::kNotFound;
      }
      return Next(jsp, Keep(Jsonb::Number(std::to_string(size))), found);
    }
    case Jpi::kAbs: case Jpi::kFloor: case Jpi::kCeiling:
      return NumericMethod(jsp, jb, found, unwrap);
    case Jpi::kDouble:
      return Double(jsp, jb, found, unwrap);
    case Jpi::kDatetime: {
      if (unwrap && jb->is_array()) return UnwrapArray(jsp, jb, found, false);
      if (!IsString(jb)) return Fail("22031", "jsonpath item method .datetime() can only be applied to a string");
      JsonPathDatetime dt;
      Error error(sqlstate::kInternalError, "");
      if (!ParseJsonPathDatetime(jb->text, jsp->left ? &jsp->left->text : nullptr, &dt, &error)) {
        if (throw_errors_) throw error;
        return JsonPathResult::kError;
      }
      const Jsonb* item = Keep(Jsonb::String(JsonPathDatetimeText(dt)));
      datetimes_[item] = dt;
      return Next(jsp, item, found);
    }
    case Jpi::kKeyValue:
      if (unwrap && jb->is_array()) return UnwrapArray(jsp, jb, found, false);
      return KeyValue(jsp, jb, found);
  }
  return JsonPathResult::kNotFound;
}

JsonPathResult Executor::Literal(const JsonPathItem* jsp, Items* found) {
  if (!jsp->next && !found && jsp->type != Jpi::kVariable) return JsonPathResult::kOk;
  Base saved = base_;
  const Jsonb* v;
  switch (jsp->type) {
    case Jpi::kNull: v = Keep(Jsonb::Null()); break;
    case Jpi::kBool: v = Keep(Jsonb::Bool(jsp->boolean)); break;
    case Jpi::kNumeric: v = Keep(Jsonb::Number(jsp->text)); break;
    case Jpi::kString: v = Keep(Jsonb::String(jsp->text)); break;
    default:
      if (!vars_) {
        v = Keep(Jsonb::Null());
      } else {
        v = vars_->Find(jsp->text);
        if (!v) throw Error(sqlstate::kUndefinedObject, "could not find jsonpath variable \"" + jsp->text + "\"");
        base_ = {vars_, 1};
      }
  }
  JsonPathResult res = Next(jsp, v, found);
  base_ = saved;
  return res;
}

JsonPathResult Executor::ArrayIndex(const JsonPathItem* jsp, const Jsonb* jb, int32_t* index) {
  Items found;
  JsonPathResult res = Execute(jsp, jb, &found);
  if (res == JsonPathResult::kError) return res;
  if (found.size() != 1 || found[0]->kind != Jsonb::Kind::kNumber)
    return Fail("22033", "jsonpath array subscript is not a single numeric value");
  int64_t v;
  Numeric n = NumberOf(*found[0]).Trunc(0);
  if (!n.ToInt64(&v) || v < INT32_MIN || v > INT32_MAX) return Fail("22033", "jsonpath array subscript is out of integer range");
  *index = static_cast<int32_t>(v);
  return JsonPathResult::kOk;
}

JsonPathResult Executor::IndexArray(const JsonPathItem* jsp, const Jsonb* jb, Items* found) {
  JsonPathResult res = JsonPathResult::kNotFound;
  int saved_size = innermost_array_size_;
  bool singleton = !jb->is_array();
  int size = singleton ? 1 : static_cast<int>(jb->items.size());
  innermost_array_size_ = size;
  for (size_t i = 0; i < jsp->from.size(); i++) {
    int32_t from, to;
    res = ArrayIndex(jsp->from[i].get(), jb, &from);
    if (res == JsonPathResult::kError) break;
    if (jsp->to[i]) {
      res = ArrayIndex(jsp->to[i].get(), jb, &to);
      if (res == JsonPathResult::kError) break;
    } else {
      to = from;
    }
    if (!ignore_structural_ && (from < 0 || from > to || to >= size)) {
      res = Fail("22033", "jsonpath array subscript is out of bounds");
      break;
    }
    if (from < 0) from = 0;
    if (to >= size) to = size - 1;
    res = JsonPathResult::kNotFound;
    for (int32_t k = from; k <= to; k++) {
      const Jsonb* v = singleton ? jb : &jb->items[static_cast<size_t>(k)];
      if (!jsp->next && !found) {
        innermost_array_size_ = saved_size;
        return JsonPathResult::kOk;
      }
      res = Next(jsp, v, found);
      if (res == JsonPathResult::kError || (res == JsonPathResult::kOk && !found)) break;
    }
    if (res == JsonPathResult::kError || (res == JsonPathResult::kOk && !found)) break;
  }
  innermost_array_size_ = saved_size;
  return res;
}

JsonPathResult Executor::Arithmetic(const JsonPathItem* jsp, const Jsonb* jb, Items* found) {
  Items l, r;
  JsonPathResult res = ItemsUnwrapped(jsp->left.get(), jb, true, &l);
  if (res == JsonPathResult::kError) return res;
  res = ItemsUnwrapped(jsp->right.get(), jb, true, &r);
  if (res == JsonPathResult::kError) return res;
  const char* op = JsonPathOperationName(jsp->type);
  if (l.size() != 1 || l[0]->kind != Jsonb::Kind::kNumber)
    return Fail("22038", std::string("left operand of jsonpath operator ") + op + " is not a single numeric value");
  if (r.size() != 1 || r[0]->kind != Jsonb::Kind::kNumber)
    return Fail("22038", std::string("right operand of jsonpath operator ") + op + " is not a single numeric value");
  Numeric a = NumberOf(*l[0]), b = NumberOf(*r[0]), result;
  if ((jsp->type == Jpi::kDiv || jsp->type == Jpi::kMod) && b.is_zero()) return Fail("22012", "division by zero");
  switch (jsp->type) {
    case Jpi::kAdd: result = a.Add(b); break;
    case Jpi::kSub: result = a.Sub(b); break;
    case Jpi::kMul: result = a.Mul(b); break;
    case Jpi::kDiv: result = a.Div(b); break;
    default: result = a.Mod(b); break;
  }
  if (!jsp->next && !found) return JsonPathResult::kOk;
  return Next(jsp, Keep(Jsonb::Number(result.ToString())), found);
}

JsonPathResult Executor::UnaryArithmetic(const JsonPathItem* jsp, const Jsonb* jb, Items* found) {
  Items seq;
  JsonPathResult res = ItemsUnwrapped(jsp->left.get(), jb, true, &seq);
  if (res == JsonPathResult::kError) return res;
  res = JsonPathResult::kNotFound;
  bool has_next = jsp->next != nullptr;
  for (const Jsonb* v : seq) {
    if (v->kind == Jsonb::Kind::kNumber) {
      if (!found && !has_next) return JsonPathResult::kOk;
    } else {
      if (!found && !has_next) continue;
      return Fail("2203B", std::string("operand of unary jsonpath operator ") + JsonPathOperationName(jsp->type) +
                               " is not a numeric value");
    }
    const Jsonb* out = jsp->type == Jpi::kMinus ? Keep(Jsonb::Number(NumberOf(*v).Neg().ToString())) : v;
    JsonPathResult r = Next(jsp, out, found);
    if (r == JsonPathResult::kError) return r;
    if (r == JsonPathResult::kOk) {
      if (!found) return r;
      res = r;
    }
  }
  return res;
}

JsonPathResult Executor::NumericMethod(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap) {
  if (unwrap && jb->is_array()) return UnwrapArray(jsp, jb, found, false);
  if (jb->kind != Jsonb::Kind::kNumber)
    return Fail("22036", std::string("jsonpath item method .") + JsonPathOperationName(jsp->type) + "() can only be applied to a numeric value");
  Numeric n = NumberOf(*jb);
  Numeric r = jsp->type == Jpi::kAbs ? n.Abs() : jsp->type == Jpi::kFloor ? n.Floor() : n.Ceil();
  if (!jsp->next && !found) return JsonPathResult::kOk;
  return Next(jsp, Keep(Jsonb::Number(r.ToString())), found);
}

JsonPathResult Executor::Double(const JsonPathItem* jsp, const Jsonb* jb, Items* found, bool unwrap) {
  if (unwrap && jb->is_array()) return UnwrapArray(jsp, jb, found, false);
  if (jb->kind == Jsonb::Kind::kNumber) {
    double d = NumberOf(*jb).ToDouble();
    if (std::isinf(d) || std::isnan(d))
      return Fail("22036", "numeric argument of jsonpath item method .double() is out of range for type double precision");
    return Next(jsp, jb, found);
  }
  if (IsString(jb)) {
    double d;
    try {
      d = ParseFloat8(jb->text, "double precision");
    } catch (const Error&) {
      return Fail("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number");
    }
    if (std::isinf(d) || std::isnan(d))
      return Fail("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number");
    Numeric n;
    Numeric::Parse(FormatFloat8(d), &n);
    return Next(jsp, Keep(Jsonb::Number(n.ToString())), found);
  }
  return Fail("22036", "jsonpath item method .double() can only be applied to a string or numeric value");
}

JsonPathResult Executor::KeyValue(const JsonPathItem* jsp, const Jsonb* jb, Items* found) {
  if (!jb->is_object()) return Fail("2203C", "jsonpath item method .keyvalue() can only be applied to an object");
  if (jb->members.empty()) return JsonPathResult::kNotFound;
  int64_t id = base_.object ? OffsetIn(*base_.object, jb) : 0;
  id += base_.id * 10000000000LL;
  JsonPathResult res = JsonPathResult::kNotFound;
  for (const auto& m : jb->members) {
    res = JsonPathResult::kOk;
    if (!jsp->next && !found) break;
    Jsonb pair = Jsonb::Object();
    pair.Set("key", Jsonb::String(m.first));
    pair.Set("value", m.second);
    pair.Set("id", Jsonb::Number(std::to_string(id)));
    const Jsonb* obj = Keep(std::move(pair));
    Base saved = base_;
    base_ = {obj, last_generated_id_++};
    res = Next(jsp, obj, found);
    base_ = saved;
    if (res == JsonPathResult::kError) return res;
    if (res == JsonPathResult::kOk && !found) break;
  }
  return res;
}

Bool3 Executor::BoolItem(const JsonPathItem* jsp, const Jsonb* jb) {
  CheckStackDepth();
  switch (jsp->type) {
    case Jpi::kAnd: {
      Bool3 l = BoolItem(jsp->left.get(), jb);
      if (l == Bool3::kFalse) return l;
      Bool3 r = BoolItem(jsp->right.get(), jb);
      return r == Bool3::kTrue ? l : r;
    }
    case Jpi::kOr: {
      Bool3 l = BoolItem(jsp->left.get(), jb);
      if (l == Bool3::kTrue) return l;
      Bool3 r = BoolItem(jsp->right.get(), jb);
      return r == Bool3::kFalse ? l : r;
    }
    case Jpi::kNot: {
      Bool3 v = BoolItem(jsp->left.get(), jb);
      return v == Bool3::kUnknown ? v : v == Bool3::kTrue ? Bool3::kFalse : Bool3::kTrue;
    }
    case Jpi::kIsUnknown:
      return BoolItem(jsp->left.get(), jb) == Bool3::kUnknown ? Bool3::kTrue : Bool3::kFalse;
    case Jpi::kEqual: case Jpi::kNotEqual: case Jpi::kLess: case Jpi::kGreater: case Jpi::kLessOrEqual:
    case Jpi::kGreaterOrEqual:
      return Predicate(jsp, jsp->left.get(), jsp->right.get(), jb, true);
    case Jpi::kStartsWith:
      return Predicate(jsp, jsp->left.get(), jsp->right.get(), jb, false);
    case Jpi::kLikeRegex:
      return Predicate(jsp, jsp->left.get(), nullptr, jb, false);
    case Jpi::kExists: {
      if (!lax_) {
        Items vals;
        if (ItemsNoThrow(jsp->left.get(), jb, false, &vals) == JsonPathResult::kError) return Bool3::kUnknown;
        return vals.empty() ? Bool3::kFalse : Bool3::kTrue;
      }
      JsonPathResult res = ItemsNoThrow(jsp->left.get(), jb, false, nullptr);
      if (res == JsonPathResult::kError) return Bool3::kUnknown;
      return res == JsonPathResult::kOk ? Bool3::kTrue : Bool3::kFalse;
    }
    default:
      throw Error(sqlstate::kInternalError, "invalid boolean jsonpath item");
  }
}

// executePredicate: true when the predicate holds for some pair of the operands' items; in
// strict mode any error among the pairs makes the result unknown.
Bool3 Executor::Predicate(const JsonPathItem* pred, const JsonPathItem* larg, const JsonPathItem* rarg, const Jsonb* jb,
                          bool unwrap_right) {
  Items l, r;
  if (ItemsNoThrow(larg, jb, true, &l) == JsonPathResult::kError) return Bool3::kUnknown;
  if (rarg && ItemsNoThrow(rarg, jb, unwrap_right, &r) == JsonPathResult::kError) return Bool3::kUnknown;
  bool error = false, matched = false;
  for (const Jsonb* lv : l) {
    size_t n = rarg ? r.size() : 1;
    for (size_t k = 0; k < n; k++) {
      Bool3 res = Apply(pred, lv, rarg ? r[k] : nullptr);
      if (res == Bool3::kUnknown) {
        if (!lax_) return Bool3::kUnknown;
        error = true;
      } else if (res == Bool3::kTrue) {
        if (lax_) return Bool3::kTrue;
        matched = true;
      }
    }
  }
  if (matched) return Bool3::kTrue;
  if (error) return Bool3::kUnknown;
  return Bool3::kFalse;
}

Bool3 Executor::Apply(const JsonPathItem* pred, const Jsonb* l, const Jsonb* r) {
  if (pred->type == Jpi::kStartsWith) {
    if (!IsString(l) || !IsString(r)) return Bool3::kUnknown;
    return l->text.compare(0, r->text.size(), r->text) == 0 && l->text.size() >= r->text.size() ? Bool3::kTrue : Bool3::kFalse;
  }
  if (pred->type == Jpi::kLikeRegex) {
    if (!IsString(l)) return Bool3::kUnknown;
    auto re = CompileRegex(JsonPathRegexPattern(*pred), (pred->flags & kRegexIcase) != 0);
    return RegexSearch(*re, l->text, nullptr) ? Bool3::kTrue : Bool3::kFalse;
  }
  // compareItems
  Jpi op = pred->type;
  const JsonPathDatetime *ld = DatetimeOf(l), *rd = DatetimeOf(r);
  int cmp;
  if (ld && rd) {
    if (!CompareJsonPathDatetime(*ld, *rd, use_tz_, dt_, &cmp)) return Bool3::kUnknown;
  } else if ((ld || rd) && l->kind != Jsonb::Kind::kNull && r->kind != Jsonb::Kind::kNull) {
    return Bool3::kUnknown;  // a datetime and a non-datetime
  } else if (l->kind != r->kind) {
    if (l->kind == Jsonb::Kind::kNull || r->kind == Jsonb::Kind::kNull) return op == Jpi::kNotEqual ? Bool3::kTrue : Bool3::kFalse;
    return Bool3::kUnknown;
  } else {
    switch (l->kind) {
    case Jsonb::Kind::kNull: cmp = 0; break;
    case Jsonb::Kind::kBool: cmp = l->boolean == r->boolean ? 0 : l->boolean ? 1 : -1; break;
    case Jsonb::Kind::kNumber: cmp = NumberOf(*l).Compare(NumberOf(*r)); break;
    case Jsonb::Kind::kString: cmp = l->text.compare(r->text); break;
    default: return Bool3::kUnknown;  // containers are not comparable
    }
  }
  bool res;
  switch (op) {
    case Jpi::kEqual: res = cmp == 0; break;
    case Jpi::kNotEqual: res = cmp != 0; break;
    case Jpi::kLess: res = cmp < 0; break;
    case Jpi::kGreater: res = cmp > 0; break;
    case Jpi::kLessOrEqual: res = cmp <= 0; break;
    default: res = cmp >= 0; break;
  }
  return res ? Bool3::kTrue : Bool3::kFalse;
}

}  // namespace

JsonPathResult ExecuteJsonPath(const JsonPath& path, const Jsonb& doc, const Jsonb* vars, bool throw_errors,
                               std::vector<Jsonb>* found, bool use_tz, const DateTimeContext& dt) {
  if (vars && !vars->is_object())
    throw Error(sqlstate::kInvalidParameterValue, "\"vars\" argument is not an object")
        .WithDetail("Jsonpath parameters should be encoded as key-value pairs of \"vars\" object.");
  Executor exec(path, doc, vars, throw_errors, use_tz, dt);
  if (!found) return exec.Run(*path.root, nullptr);
  Items items;
  JsonPathResult res = exec.Run(*path.root, &items);
  for (const Jsonb* v : items) found->push_back(*v);
  return res;
}

}  // namespace tusk
