// The headers nearly every translation unit parses, compiled once per build tree
// (CMakeLists.txt: target_precompile_headers). Parsing them took about half of each file's
// compile time; keep this list to headers that change rarely, since a change here rebuilds
// everything. Sources still include what they use: this file only makes it cheaper.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include <rocksdb/db.h>

#include "catalog/catalog.hpp"
#include "execution/expr.hpp"
