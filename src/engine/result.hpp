// How a session hands results to its caller (the wire protocol, the embedded API, the shell).
#pragma once
#include <string>
#include <vector>

#include "common/error.hpp"
#include "types/type.hpp"
#include "types/value.hpp"

namespace tusk {

struct ColumnInfo {
  std::string name;
  Type type;
  uint32_t table_oid = 0;
  int16_t attnum = 0;
};

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  // Called before the rows of a statement that returns rows.
  virtual void Columns(const std::vector<ColumnInfo>& cols) { (void)cols; }
  virtual void AddRow(const Row& row) { (void)row; }
  // The command tag ("SELECT 3", "INSERT 0 1", "CREATE TABLE").
  virtual void Complete(const std::string& tag) { (void)tag; }
  virtual void SendNotice(const Notice& n) { (void)n; }
};

}  // namespace tusk
