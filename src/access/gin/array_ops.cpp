// array_ops: GIN over arrays of any element type. An entry is an element's key encoding (equal
// values encode alike: 1.0 and 1 as numerics); NULL elements have none. @> needs every element
// of the query array, && any one.
#include "access/gin/gin.hpp"
#include "common/keycodec.hpp"

namespace tusk {

namespace {
void ArrayEntries(const Type& t, const Value& v, std::vector<std::string>* out) {
  const Type element = t.Element();
  for (const Value& e : v.arr()) {
    if (e.is_null()) continue;
    std::string entry;
    EncodeKeyValue(element, e, {}, &entry);
    out->push_back(std::move(entry));
  }
}
}  // namespace

void RegisterArrayGinOperatorClass() {
  GinOperatorClass c;
  c.name = "array_ops";
  c.oid = 2745;
  c.is_default = true;
  c.input_type = oid::kAnyArray;
  c.accepts = [](const Type& t) { return t.array; };
  c.operators = {"@>", "&&"};
  c.extract = ArrayEntries;
  c.query = [](const std::string& op, const Type& t, const Value& v, EvalContext&) {
    GinQuery q;
    q.all = op == "@>";
    bool has_null = false;
    for (const Value& e : v.arr()) has_null |= e.is_null();
    ArrayEntries(t, v, &q.entries);
    // @> of an empty array holds for every row; of one with a NULL element for none (the
    // element never equals anything), which an entry nobody has expresses.
    if (q.all && has_null) q.entries.push_back(std::string("\xff\xff", 2));
    else if (q.all && q.entries.empty()) q.every_row = true;
    return q;
  };
  RegisterGinOperatorClass(std::move(c));
}

}  // namespace tusk
