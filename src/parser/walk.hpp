// A generic walk over libpg_query parse trees using protobuf-c reflection, so that questions
// like "does this expression contain an aggregate?" need no per-node code.
#pragma once
#include <functional>

#include "parser/parser.hpp"

namespace tusk {

// Calls visit for every Node below msg (not msg itself), depth first. When visit returns false
// the walk does not descend into that node.
void WalkNodes(const ProtobufCMessage* msg, const std::function<bool(Node*)>& visit);

}  // namespace tusk
