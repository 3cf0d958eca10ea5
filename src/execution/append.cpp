#include "execution/append.hpp"

#include <algorithm>
#include <cctype>

namespace tusk {

namespace {
thread_local EvalContext* explain_startup = nullptr;
}  // namespace

ExplainStartup::ExplainStartup(EvalContext* ctx) : saved_(explain_startup) { explain_startup = ctx; }
ExplainStartup::~ExplainStartup() { explain_startup = saved_; }
EvalContext* ExplainStartup::Current() { return explain_startup; }

AppendOp::AppendOp(std::vector<OpP> c) : children(std::move(c)) {}

namespace {
// Replaces the alias `from` where it stands as a whole name in an EXPLAIN line.
void Renumber(std::string* line, const std::string& from, const std::string& to) {
  auto name_char = [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t at = line->find(from); at != std::string::npos; at = line->find(from, at)) {
    size_t end = at + from.size();
    if ((at == 0 || !name_char((*line)[at - 1])) && (end == line->size() || !name_char((*line)[end]))) {
      line->replace(at, from.size(), to);
      at += to.size();
    } else {
      at = end;
    }
  }
}
}  // namespace

void AppendOp::Open(EvalContext* ctx) {
  ctx_ = ctx;
  active_ = keep ? keep(ctx) : std::vector<bool>(children.size(), true);
  current_ = OpenNext(0);
}

size_t AppendOp::OpenNext(size_t from) {
  while (from < children.size() && !active_[from]) from++;
  if (from < children.size()) children[from]->Open(ctx_);
  return from;
}

bool AppendOp::Next(Row* out) {
  while (current_ < children.size()) {
    if (children[current_]->Next(out)) {
      if (!child_relations.empty()) out->push_back(Value::Int(child_relations[current_]));
      return true;
    }
    // The next child opens only when reached, so a LIMIT satisfied early never scans it.
    current_ = OpenNext(current_ + 1);
  }
  return false;
}

void AppendOp::Explain(std::vector<std::string>* out, int depth) const {
  if (children.empty()) {
    ExplainLine(out, depth, "Result");
    ExplainLine(out, depth, "One-Time Filter: false", true);
    return;
  }
  // A partitioned table pruned to one partition at plan time reads as that partition.
  if (children.size() == 1 && !keep) return children[0]->Explain(out, depth);
  std::vector<bool> shown(children.size(), true);
  if (keep && keep_at_startup && ExplainStartup::Current()) shown = keep(ExplainStartup::Current());
  ExplainLine(out, depth, "Append");
  if (size_t removed = static_cast<size_t>(std::count(shown.begin(), shown.end(), false)))
    ExplainLine(out, depth, "Subplans Removed: " + std::to_string(removed), true);
  size_t number = 0;
  for (size_t i = 0; i < children.size(); i++) {
    if (!shown[i]) continue;
    size_t first = out->size();
    children[i]->Explain(out, depth + 1);
    if (alias.empty()) continue;
    if (partitionwise) {
      // The child's scan (alias_<i+1>) and the names it groups by (alias.column) get one name.
      const std::string name = number == 0 ? alias : alias + "_" + std::to_string(number);
      for (size_t l = first; l < out->size(); l++) {
        Renumber(&(*out)[l], alias, name);
        Renumber(&(*out)[l], alias + "_" + std::to_string(i + 1), name);
      }
      number++;
    } else if (++number != i + 1) {
      for (size_t l = first; l < out->size(); l++) Renumber(&(*out)[l], alias + "_" + std::to_string(i + 1), alias + "_" + std::to_string(number));
    }
  }
}

}  // namespace tusk
