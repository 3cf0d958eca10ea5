// How a session hands results to its caller (the wire protocol, the embedded API, the shell).
#pragma once
#include <string>
#include <vector>

#include "common/error.hpp"
#include "types/type.hpp"
#include "types/value.hpp"
#include "execution/memory.hpp"

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
  // How the executor hands over a row: counted against the statement's memory when the sink
  // keeps its rows (`held` set, e.g. a portal's), then added.
  void Emit(const ExecState* st, const Row& row) {
    if (held) held->AddRow(st, row);
    AddRow(row);
  }
  MemoryCharge* held = nullptr;
  // The command tag ("SELECT 3", "INSERT 0 1", "CREATE TABLE").
  virtual void Complete(const std::string& tag) { (void)tag; }
  virtual void SendNotice(const Notice& n) { (void)n; }
  // CALL of a procedure with output parameters, before its row: for each output column, the
  // parameter ($1 is 0) given as its argument, -1 when the argument is something else
  // (PL/pgSQL assigns the outputs back to the variables it passed).
  virtual void CallTargets(const std::vector<int>& params) { (void)params; }

  // COPY ... TO STDOUT: the data goes to the client in chunks. Sinks that cannot stream throw
  // 0A000 from CopyOutBegin.
  virtual void CopyOutBegin(size_t columns, bool binary);
  virtual void CopyOutData(const std::string& data) { (void)data; }
  virtual void CopyOutEnd() {}
  // COPY ... FROM STDIN: CopyInBegin announces the copy; CopyInRead returns the next chunk of
  // data, false at the end, and throws 57014 when the client aborts the copy.
  virtual void CopyInBegin(size_t columns, bool binary);
  virtual bool CopyInRead(std::string* chunk) { (void)chunk; return false; }
};

}  // namespace tusk
