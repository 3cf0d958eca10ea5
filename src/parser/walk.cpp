#include "parser/walk.hpp"

namespace tusk {

namespace {
void WalkMessage(const ProtobufCMessage* msg, const std::function<bool(Node*)>& visit);

void VisitChild(const ProtobufCMessage* child, const std::function<bool(Node*)>& visit) {
  if (!child) return;
  if (child->descriptor == &pg_query__node__descriptor) {
    Node* n = reinterpret_cast<Node*>(const_cast<ProtobufCMessage*>(child));
    if (!visit(n)) return;
  }
  WalkMessage(child, visit);
}

void WalkField(const char* base, const ProtobufCFieldDescriptor* f, const std::function<bool(Node*)>& visit) {
  if (f->label == PROTOBUF_C_LABEL_REPEATED) {
    size_t n = *reinterpret_cast<const size_t*>(base + f->quantifier_offset);
    auto* arr = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f->offset);
    for (size_t k = 0; k < n; k++) VisitChild(arr[k], visit);
  } else {
    VisitChild(*reinterpret_cast<ProtobufCMessage* const*>(base + f->offset), visit);
  }
}

void WalkMessage(const ProtobufCMessage* msg, const std::function<bool(Node*)>& visit) {
  const ProtobufCMessageDescriptor* d = msg->descriptor;
  const char* base = reinterpret_cast<const char*>(msg);
  if (d == &pg_query__node__descriptor) {
    // Node is one oneof of ~250 message fields: go straight to the set one rather than test
    // every field (that scan was most of a short query's planning time).
    const auto* node = reinterpret_cast<const Node*>(msg);
    if (node->node_case == PG_QUERY__NODE__NODE__NOT_SET) return;
    const ProtobufCFieldDescriptor* f = protobuf_c_message_descriptor_get_field(d, node->node_case);
    if (f && f->type == PROTOBUF_C_TYPE_MESSAGE) WalkField(base, f, visit);
    return;
  }
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor* f = &d->fields[i];
    if (f->type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      uint32_t which = *reinterpret_cast<const uint32_t*>(base + f->quantifier_offset);
      if (which != f->id) continue;
    }
    WalkField(base, f, visit);
  }
}
}  // namespace

void WalkNodes(const ProtobufCMessage* msg, const std::function<bool(Node*)>& visit) {
  if (msg) WalkMessage(msg, visit);
}

}  // namespace tusk
