// GIN entries for the jsonpath operators, as PostgreSQL's jsonb_gin.c extracts them: `path ==
// scalar` comparisons and EXISTS tests become AND/OR trees of entries (jsonb_ops: the keys on
// the path and the scalar; jsonb_path_ops: the hash of path and scalar); anything else needs no
// entry. The tree is then flattened into one GinQuery that every matching row satisfies
// (candidates are re-checked with the operator itself).
#include <optional>

#include "common/stack_depth.hpp"
#include "types/json/jsonb_gin.hpp"
#include "types/json/jsonpath.hpp"

namespace tusk {

namespace {

struct Node {
  enum Kind { kEntry, kAnd, kOr } kind = kEntry;
  std::string entry;
  std::vector<Node> args;
};
using MaybeNode = std::optional<Node>;

Node Entry(std::string e) { return Node{Node::kEntry, std::move(e), {}}; }

// The path walked so far: its items (jsonb_ops) or its hash (jsonb_path_ops).
struct GinPath {
  std::vector<std::pair<Jpi, std::string>> items;
  size_t hash = 0;
};

class Extractor {
 public:
  Extractor(bool lax, bool path_ops) : lax_(lax), path_ops_(path_ops) {}

  MaybeNode PathExpr(GinPath path, const JsonPathItem* jsp, const Jsonb* scalar) {
    std::vector<Node> nodes = PathNodes(std::move(path), jsp, scalar);
    if (nodes.empty()) return std::nullopt;
    if (nodes.size() == 1) return nodes[0];
    return Node{Node::kAnd, "", std::move(nodes)};
  }

  MaybeNode BoolExpr(const GinPath& path, const JsonPathItem* jsp, bool negated) {
    CheckStackDepth();
    switch (jsp->type) {
      case Jpi::kAnd:
      case Jpi::kOr: {
        MaybeNode l = BoolExpr(path, jsp->left.get(), negated), r = BoolExpr(path, jsp->right.get(), negated);
        if (!l || !r) {
          if (jsp->type == Jpi::kOr) return std::nullopt;
          return l ? l : r;
        }
        bool conjunction = negated ^ (jsp->type == Jpi::kAnd);
        return Node{conjunction ? Node::kAnd : Node::kOr, "", {*l, *r}};
      }
      case Jpi::kNot:
        return BoolExpr(path, jsp->left.get(), !negated);
      case Jpi::kExists:
        if (negated) return std::nullopt;
        return PathExpr(path, jsp->left.get(), nullptr);
      case Jpi::kEqual: {
        if (negated) return std::nullopt;
        const JsonPathItem* scalar_item = IsScalar(*jsp->left) ? jsp->left.get() : IsScalar(*jsp->right) ? jsp->right.get() : nullptr;
        if (!scalar_item) return std::nullopt;
        const JsonPathItem* path_item = scalar_item == jsp->left.get() ? jsp->right.get() : jsp->left.get();
        Jsonb scalar = scalar_item->type == Jpi::kNull     ? Jsonb::Null()
                       : scalar_item->type == Jpi::kBool   ? Jsonb::Bool(scalar_item->boolean)
                       : scalar_item->type == Jpi::kString ? Jsonb::String(scalar_item->text)
                                                           : Jsonb::Number(scalar_item->text);
        return PathExpr(path, path_item, &scalar);
      }
      default:
        return std::nullopt;
    }
  }

 private:
  bool lax_, path_ops_;

  static bool IsScalar(const JsonPathItem& v) {
    return !v.next && (v.type == Jpi::kNull || v.type == Jpi::kBool || v.type == Jpi::kString || v.type == Jpi::kNumeric);
  }

  bool AddPathItem(GinPath* path, const JsonPathItem& jsp) const {
    if (path_ops_) {
      switch (jsp.type) {
        case Jpi::kRoot: path->hash = 0; return true;
        case Jpi::kKey: path->hash = JsonbGinPathStep(path->hash, jsp.text); return true;
        case Jpi::kIndexArray: case Jpi::kAnyArray: return true;
        default: return false;
      }
    }
    switch (jsp.type) {
      case Jpi::kRoot: path->items.clear(); return true;
      case Jpi::kKey: path->items.push_back({Jpi::kKey, jsp.text}); return true;
      case Jpi::kAny: case Jpi::kAnyKey: case Jpi::kAnyArray: case Jpi::kIndexArray:
        path->items.push_back({jsp.type, ""});
        return true;
      default: return false;
    }
  }

  // Nodes to AND: the filters' along the path, then `path == scalar`'s own (EXISTS: none).
  std::vector<Node> PathNodes(GinPath path, const JsonPathItem* jsp, const Jsonb* scalar) {
    std::vector<Node> nodes;
    for (; jsp; jsp = jsp->next.get()) {
      if (jsp->type == Jpi::kCurrent) continue;
      if (jsp->type == Jpi::kFilter) {
        if (MaybeNode f = BoolExpr(path, jsp->left.get(), false)) nodes.push_back(*f);
        continue;
      }
      if (!AddPathItem(&path, *jsp)) return nodes;
    }
    if (!scalar) return nodes;
    if (path_ops_) {
      nodes.push_back(Entry(JsonbGinLeafEntry(path.hash, *scalar)));
      return nodes;
    }
    for (const auto& item : path.items)
      if (item.first == Jpi::kKey) nodes.push_back(Entry("K" + item.second));
    if (scalar->kind != Jsonb::Kind::kString) {
      nodes.push_back(Entry(JsonbGinScalarEntry(*scalar)));
      return nodes;
    }
    // A string array element is a key to jsonb_ops: which one the value is depends on where
    // the path ends.
    enum { kNo, kYes, kMaybe } key;
    Jpi last = path.items.empty() ? Jpi::kRoot : path.items.back().first;
    if (lax_) key = kMaybe;
    else if (path.items.empty()) key = kNo;
    else if (last == Jpi::kAnyArray || last == Jpi::kIndexArray) key = kYes;
    else if (last == Jpi::kAny) key = kMaybe;
    else key = kNo;
    if (key == kMaybe) nodes.push_back(Node{Node::kOr, "", {Entry("K" + scalar->text), Entry(JsonbGinScalarEntry(*scalar))}});
    else nodes.push_back(Entry(key == kYes ? "K" + scalar->text : JsonbGinScalarEntry(*scalar)));
    return nodes;
  }
};

// Flattens a tree into one query every row matching the tree satisfies: an AND keeps the
// entries of its AND-able parts, an OR takes one entry of each part.
GinQuery Flatten(const Node& n) {
  CheckStackDepth();
  GinQuery q;
  switch (n.kind) {
    case Node::kEntry:
      q.entries = {n.entry};
      return q;
    case Node::kAnd: {
      const GinQuery* any_part = nullptr;
      std::vector<GinQuery> parts;
      for (const Node& a : n.args) parts.push_back(Flatten(a));
      for (const GinQuery& p : parts) {
        if (p.all) q.entries.insert(q.entries.end(), p.entries.begin(), p.entries.end());
        else if (!any_part) any_part = &p;
      }
      if (q.entries.empty() && any_part) return *any_part;
      return q;
    }
    case Node::kOr:
      q.all = false;
      for (const Node& a : n.args) {
        GinQuery p = Flatten(a);
        if (p.all) q.entries.push_back(p.entries[0]);
        else q.entries.insert(q.entries.end(), p.entries.begin(), p.entries.end());
      }
      return q;
  }
  return q;
}

}  // namespace

GinQuery JsonPathGinQuery(const std::string& path_text, bool exists, bool path_ops) {
  JsonPath path = ParseJsonPath(path_text);
  Extractor x(path.lax, path_ops);
  MaybeNode node = exists ? x.PathExpr(GinPath{}, path.root.get(), nullptr) : x.BoolExpr(GinPath{}, path.root.get(), false);
  GinQuery q;
  if (!node) {
    q.every_row = true;
    return q;
  }
  return Flatten(*node);
}

}  // namespace tusk
