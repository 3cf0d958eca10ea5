// Arrays of any number of dimensions, as PostgreSQL 15 has them: their shape, building one
// from sub-arrays, subscripts and slices, the text form. Elements are kept flat in row-major
// order (see ArrayData in value.hpp), so whatever reads an array's elements in order (unnest,
// = ANY, array_to_string, @>) needs nothing from here.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/value.hpp"

namespace tusk {

constexpr int kMaxArrayDims = 6;  // PostgreSQL's MAXDIM

// An array's dimensions and lower bounds, outermost first (both empty for the empty array).
struct ArrayShape {
  std::vector<int32_t> dims, lower;
  bool operator==(const ArrayShape& o) const { return dims == o.dims && lower == o.lower; }
};
ArrayShape ShapeOf(const Value& array);
// PostgreSQL's ArrayCheckBounds: a dimension's lower bound plus its length must fit an int4
// (54000 "array lower bound is too large").
void CheckArrayBounds(int32_t length, int32_t lower);
// An array of the given shape (shape.dims' product elements).
Value ArrayWithShape(std::vector<Value> elems, const ArrayShape& shape);
// The same shape as `like`, with other elements (one for each of like's).
Value ArrayLike(const Value& like, std::vector<Value> elems);

// ARRAY[a, b, ...] over arrays: one more dimension, PostgreSQL's checks (sub-arrays must match
// in dimensions and bounds, 2202E; NULL and empty sub-arrays only if all are).
Value StackArrays(const std::vector<Value>& subs);
// array_agg(anyarray) and ARRAY(SELECT array ...): as StackArrays, but a NULL (22004) or empty
// (2202E) input is an error, as in PostgreSQL's accumArrayResultArr.
Value AccumulateArrays(const std::vector<Value>& subs);

// array || array (array_cat), both non-null: arrays of N and N dimensions join along the first,
// N-1 and N (or N and N-1) add one sub-array; PostgreSQL's 2202E errors otherwise.
Value ConcatArrays(const Value& a, const Value& b);
// array_append / array_prepend (array || element, element || array): a NULL array is empty;
// the array must be empty or one-dimensional (22000); the lower bound is kept.
Value AppendToArray(const Value& array, const Value& elem);
Value PrependToArray(const Value& elem, const Value& array);

// a[i][j]...: the element, or NULL when the number of subscripts is not the array's number of
// dimensions or one is out of range.
Value ArrayElementAt(const Value& array, const std::vector<int64_t>& subscripts);
// a[i] := elem on a NULL, empty or one-dimensional array (2202E for more dimensions) (PostgreSQL's array_set_element): the
// array grows to reach i, NULLs filling any gap; past MaxArraySize elements or int4's range is
// 54000.
Value ArrayWithElementSet(const Value& array, int64_t index, const Value& elem);
// a[l:u][...]: a missing bound is the array's own; dimensions past the subscripts are whole.
// The result's lower bounds are 1; an empty array when a range is empty.
Value ArraySlice(const Value& array, const std::vector<std::optional<int64_t>>& lower,
                 const std::vector<std::optional<int64_t>>& upper);

// Orders arrays of equal elements by shape, as PostgreSQL's array_cmp does after the elements
// (element count, then dimension count, dimensions, lower bounds; but one-dimensional arrays
// that differ only in their lower bound are equal, as their index keys are).
int CompareArrayShapes(const Value& a, const Value& b);

// array_dims' text: "[1:2][1:3]"; empty for the empty array.
std::string ArrayDimsText(const Value& array);

// The text form: '{{1,2},{3,4}}', '[0:1]={a,b}'. ParseArrayText splits a literal into element
// texts (nulls marks unquoted NULLs) and its shape, with PostgreSQL's errors (22P02 "malformed
// array literal" and its details, 54000 past six dimensions).
struct ArrayLiteral {
  std::vector<std::string> items;
  std::vector<bool> nulls;
  ArrayShape shape;
};
ArrayLiteral ParseArrayText(std::string_view text);
// Writes the braces around already-formatted element texts (nullopt for NULL).
std::string FormatArrayText(const Value& array, const std::vector<std::optional<std::string>>& items);

}  // namespace tusk
