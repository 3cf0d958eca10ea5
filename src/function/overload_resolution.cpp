#include "function/overload_resolution.hpp"

#include "common/error.hpp"
#include "types/cast.hpp"

namespace tusk {

namespace {
bool IsUnknown(const Type& t) { return t.id == oid::kUnknown && !t.array; }

bool Accepts(const Type& param, const Type& arg) {
  return param.id == oid::kAny || CanCast(arg, param, CastContext::kImplicit);
}

// Keeps the candidates with the highest score; all of them if none scores above zero.
template <typename Score>
void KeepBest(std::vector<size_t>& live, Score score) {
  int best = 0;
  std::vector<size_t> kept;
  for (size_t c : live) {
    int s = score(c);
    if (s > best) { best = s; kept.clear(); }
    if (s == best && s > 0) kept.push_back(c);
  }
  if (!kept.empty()) live = kept;
}
}  // namespace

int ResolveOverload(const std::string& name, const std::vector<std::vector<Type>>& candidates,
                    const std::vector<ExprP>& args, int location) {
  const size_t n = args.size();
  // 4a: candidates that accept every argument by implicit coercion.
  std::vector<size_t> live;
  for (size_t c = 0; c < candidates.size(); c++) {
    if (candidates[c].size() != n) continue;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) ok = Accepts(candidates[c][i], args[i]->type);
    if (ok) live.push_back(c);
  }
  if (live.size() <= 1) return live.empty() ? -1 : static_cast<int>(live[0]);

  // 4c: most exact matches on the known argument types.
  KeepBest(live, [&](size_t c) {
    int m = 0;
    for (size_t i = 0; i < n; i++) m += !IsUnknown(args[i]->type) && candidates[c][i] == args[i]->type;
    return m;
  });
  if (live.size() == 1) return static_cast<int>(live[0]);

  // 4d: most positions that take the argument's type or the preferred type of its category.
  KeepBest(live, [&](size_t c) {
    int m = 0;
    for (size_t i = 0; i < n; i++) {
      const Type& a = args[i]->type;
      const Type& p = candidates[c][i];
      if (IsUnknown(a)) continue;
      m += p == a || (IsPreferredType(p) && CategoryOf(p) == CategoryOf(a));
    }
    return m;
  });
  if (live.size() == 1) return static_cast<int>(live[0]);

  // 4e: at each unknown position choose a category: string if any candidate takes one, else the
  // single category all candidates take; then keep candidates taking it (its preferred type if
  // any candidate takes that).
  size_t unknowns = 0;
  bool resolved = true;
  std::vector<TypeCategory> slot(n, TypeCategory::kUnknown);
  std::vector<bool> slot_preferred(n, false);
  for (size_t i = 0; i < n && resolved; i++) {
    if (!IsUnknown(args[i]->type)) continue;
    unknowns++;
    bool first = true, conflict = false;
    for (size_t c : live) {
      const Type& p = candidates[c][i];
      TypeCategory cat = CategoryOf(p);
      if (first || (cat != slot[i] && cat == TypeCategory::kString)) {
        slot[i] = cat;
        slot_preferred[i] = IsPreferredType(p);
        first = false;
      } else if (cat == slot[i]) {
        slot_preferred[i] = slot_preferred[i] || IsPreferredType(p);
      } else {
        conflict = true;
      }
    }
    if (conflict && slot[i] != TypeCategory::kString) resolved = false;
  }
  if (resolved && unknowns > 0) {
    std::vector<size_t> kept;
    for (size_t c : live) {
      bool keep = true;
      for (size_t i = 0; i < n && keep; i++) {
        if (!IsUnknown(args[i]->type)) continue;
        const Type& p = candidates[c][i];
        keep = CategoryOf(p) == slot[i] && (!slot_preferred[i] || IsPreferredType(p));
      }
      if (keep) kept.push_back(c);
    }
    if (!kept.empty()) live = kept;
    if (live.size() == 1) return static_cast<int>(live[0]);
  }

  // 4f: if every known argument has the same type, try that type for the unknowns too.
  if (unknowns > 0 && unknowns < n) {
    const Type* known = nullptr;
    bool same = true;
    for (size_t i = 0; i < n && same; i++) {
      if (IsUnknown(args[i]->type)) continue;
      if (!known) known = &args[i]->type;
      else same = *known == args[i]->type;
    }
    if (same && known) {
      int chosen = -1, count = 0;
      for (size_t c : live) {
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) ok = Accepts(candidates[c][i], *known);
        if (ok) { chosen = static_cast<int>(c); count++; }
      }
      if (count == 1) return chosen;
    }
  }

  std::string sig;
  for (size_t i = 0; i < n; i++) sig += (i ? ", " : "") + TypeName(args[i]->type);
  throw Error(sqlstate::kAmbiguousFunction, "function " + name + "(" + sig + ") is not unique")
      .WithHint("Could not choose a best candidate function. You might need to add explicit type casts.")
      .WithPosition(location + 1);
}

}  // namespace tusk
