// Array functions: array_append/prepend/cat/remove/replace/position(s), array_ndims/dims.
#include "common/error.hpp"
#include "function/registry.hpp"
#include "types/arrays.hpp"
#include "types/compare.hpp"

namespace tusk {

namespace {
// Binds f(array, element...) with the element coerced to the array's element type.
void ArrayElementFunction(const std::string& name, bool element_first,
                          std::function<Value(const std::vector<Value>&, const Type& elem)> fn, size_t extra_elems = 0,
                          bool strict = false, Type result = Type()) {
  FunctionRegistry()[name] = [=](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    size_t ai = element_first ? 1 : 0;
    if (args.size() != 2 + extra_elems) return nullptr;
    if (!args[ai]->type.array) {
      if (args[ai]->type.id == oid::kUnknown && !args[1 - ai]->type.array && args[1 - ai]->type.id != oid::kUnknown)
        args[ai] = b.Coerce(args[ai], args[1 - ai]->type.ArrayOf(), CastContext::kImplicit, loc);
      else
        return nullptr;
    }
    Type at = args[ai]->type;
    for (size_t i = 0; i < args.size(); i++)
      if (i != ai) args[i] = b.Coerce(args[i], at.Element(), CastContext::kImplicit, loc);
    Type rt = result.id == oid::kUnknown ? at : result;
    Type et = at.Element();
    return Fn(rt, name, args, [fn, et](const std::vector<Value>& a, EvalContext&) { return fn(a, et); }, strict);
  };
}

void NeedOneDimension(const Value& array) {
  if (array.array_ndim() > 1)
    throw Error(sqlstate::kFeatureNotSupported, "searching for elements in multidimensional arrays is not supported");
}

bool SameElem(const Type& t, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return CompareValues(t, a, b) == 0;
}
}  // namespace

void RegisterArrayFunctions() {
  ArrayElementFunction("array_append", false, [](const std::vector<Value>& a, const Type&) { return AppendToArray(a[0], a[1]); });
  ArrayElementFunction("array_prepend", true, [](const std::vector<Value>& a, const Type&) { return PrependToArray(a[0], a[1]); });
  ArrayElementFunction("array_remove", false, [](const std::vector<Value>& a, const Type& et) {
    if (a[0].is_null()) return Value::Null();
    if (a[0].array_ndim() > 1)
      throw Error(sqlstate::kFeatureNotSupported, "removing elements from multidimensional arrays is not supported");
    std::vector<Value> v;
    for (const Value& x : a[0].arr()) if (!SameElem(et, x, a[1])) v.push_back(x);
    int lower = v.empty() ? 1 : a[0].array_lower();
    return Value::Array(std::move(v), lower);
  });
  ArrayElementFunction("array_replace", false, [](const std::vector<Value>& a, const Type& et) {
    if (a[0].is_null()) return Value::Null();
    std::vector<Value> v;
    for (const Value& x : a[0].arr()) v.push_back(SameElem(et, x, a[1]) ? a[2] : x);
    return ArrayLike(a[0], std::move(v));
  }, 1);
  ArrayElementFunction("array_position", false, [](const std::vector<Value>& a, const Type& et) {
    if (a[0].is_null()) return Value::Null();
    NeedOneDimension(a[0]);
    const auto& arr = a[0].arr();
    for (size_t i = 0; i < arr.size(); i++)
      if (SameElem(et, arr[i], a[1])) return Value::Int(a[0].array_lower() + static_cast<int64_t>(i));
    return Value::Null();
  }, 0, false, Type(oid::kInt4));
  ArrayElementFunction("array_positions", false, [](const std::vector<Value>& a, const Type& et) {
    if (a[0].is_null()) return Value::Null();
    NeedOneDimension(a[0]);
    std::vector<Value> out;
    const auto& arr = a[0].arr();
    for (size_t i = 0; i < arr.size(); i++)
      if (SameElem(et, arr[i], a[1])) out.push_back(Value::Int(a[0].array_lower() + static_cast<int64_t>(i)));
    return Value::Array(std::move(out));
  }, 0, false, Type(oid::kInt4, -1, true));
  FunctionRegistry()["array_cat"] = [](Binder& b, std::vector<ExprP>& args, int loc) -> ExprP {
    if (args.size() != 2) return nullptr;
    ExprP r = b.MakeBinaryOp("||", args[0], args[1], loc);
    return r;
  };
  FunctionRegistry()["array_ndims"] = [](Binder&, std::vector<ExprP>& args, int) -> ExprP {
    if (args.size() != 1 || !args[0]->type.array) return nullptr;
    return Fn(Type(oid::kInt4), "array_ndims", args, [](const std::vector<Value>& a, EvalContext&) {
      return a[0].array_ndim() == 0 ? Value::Null() : Value::Int(a[0].array_ndim());
    });
  };
  FunctionRegistry()["array_dims"] = [](Binder&, std::vector<ExprP>& args, int) -> ExprP {
    if (args.size() != 1 || !args[0]->type.array) return nullptr;
    return Fn(Type(oid::kText), "array_dims", args, [](const std::vector<Value>& a, EvalContext&) {
      return a[0].array_ndim() == 0 ? Value::Null() : Value::Str(ArrayDimsText(a[0]));
    });
  };
}

}  // namespace tusk
