// Running PL/pgSQL: a LANGUAGE plpgsql function's call, and DO blocks.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/function_def.hpp"
#include "execution/exec_state.hpp"

namespace tusk {

struct TransitionTables;

// Runs a LANGUAGE plpgsql function with these argument values; its result rows as RunSqlFunction
// gives them (none for void, one for a scalar or row result, RETURN NEXT's for a set). The
// compiled body is kept for the session's next calls (executor.cpp CompiledFunction).
std::vector<Row> RunPlpgsqlFunction(const FunctionDef& def, std::vector<Value> args, ExecState* st);

// CREATE FUNCTION's check of a LANGUAGE plpgsql body: PostgreSQL's compile-time errors fail the
// CREATE, a position in the body reported in `statement_text` (the client's). A syntax error
// Tusk's parser finds without a position is worded by PostgreSQL's own grammar (libpg_query, given
// the CREATE statement as `create_text`). What Tusk cannot run yet is left to the call (0A000).
// A declared type name that names no type is 42704 here too, pointing at it (`st`: the catalog
// and search_path the names resolve in).
void ValidatePlpgsqlFunction(const FunctionDef& def, const std::string& statement_text, const std::string& create_text,
                             ExecState* st);

// What a trigger function sees: TG_* variables, NEW and OLD.
struct TriggerCall {
  std::string name, when, level, op;  // TG_NAME, TG_WHEN (BEFORE, AFTER, INSTEAD OF), TG_LEVEL (ROW, STATEMENT), TG_OP
  uint32_t relid = 0;
  std::string table, schema;
  std::vector<std::string> args;
  Type row_type;  // the table's row type
  const Row* new_row = nullptr;
  const Row* old_row = nullptr;
  const TransitionTables* transitions = nullptr;  // REFERENCING OLD / NEW TABLE; null: none
  // The table's columns as the rows hold them (dropped ones left out), and those an UPDATE sets:
  // what a built-in trigger function (triggers/builtin_trigger_functions.hpp) reads.
  const std::vector<std::string>* columns = nullptr;
  const std::vector<Type>* column_types = nullptr;
  std::vector<std::string> updated_columns;
};

// Runs a trigger function: the row it returns, nullopt for NULL.
std::optional<Row> RunPlpgsqlTrigger(const FunctionDef& def, const TriggerCall& call, ExecState* st);

// DO [LANGUAGE plpgsql] $$ body $$
// nonatomic: the block may COMMIT / ROLLBACK (engine/session.hpp, EndTransactionInStatement).
void RunDoBlock(const std::string& body, ExecState* st, bool nonatomic);

}  // namespace tusk
