// tusk::Error — a SQL error that ends the current statement. It carries what PostgreSQL's
// ErrorResponse carries: SQLSTATE, message (lower case, no final period), detail, hint, the
// 1-based cursor position in the statement text (0 when there is none), and for an error in a
// query run inside another (a PL/pgSQL expression, an EXECUTE string) that query and the
// position in it.
#pragma once
#include <stdexcept>
#include <string>

namespace tusk {

// SQLSTATE codes used by the engine, named as in PostgreSQL's errcodes.txt.
namespace sqlstate {
inline constexpr const char* kSuccessfulCompletion = "00000";
inline constexpr const char* kWarning = "01000";
inline constexpr const char* kFeatureNotSupported = "0A000";
inline constexpr const char* kCardinalityViolation = "21000";
inline constexpr const char* kDataException = "22000";
inline constexpr const char* kStringDataRightTruncation = "22001";
inline constexpr const char* kNumericValueOutOfRange = "22003";
inline constexpr const char* kNullValueNotAllowed = "22004";
inline constexpr const char* kZeroLengthCharacterString = "2200F";
inline constexpr const char* kSubstringError = "22011";
inline constexpr const char* kInvalidDatetimeFormat = "22007";
inline constexpr const char* kDatetimeFieldOverflow = "22008";
inline constexpr const char* kIntervalFieldOverflow = "22015";
inline constexpr const char* kInvalidTimeZoneDisplacement = "22009";
inline constexpr const char* kArraySubscriptError = "2202E";
inline constexpr const char* kInvalidParameterValue = "22023";
inline constexpr const char* kDivisionByZero = "22012";
inline constexpr const char* kInvalidTextRepresentation = "22P02";
inline constexpr const char* kInvalidBinaryRepresentation = "22P03";
inline constexpr const char* kInvalidEscapeSequence = "22025";
inline constexpr const char* kCharacterNotInRepertoire = "22021";
inline constexpr const char* kIntegrityConstraintViolation = "23000";
inline constexpr const char* kRestrictViolation = "23001";
inline constexpr const char* kNotNullViolation = "23502";
inline constexpr const char* kForeignKeyViolation = "23503";
inline constexpr const char* kUniqueViolation = "23505";
inline constexpr const char* kCheckViolation = "23514";
inline constexpr const char* kInvalidTransactionState = "25000";
inline constexpr const char* kInvalidTransactionTermination = "2D000";
inline constexpr const char* kActiveSqlTransaction = "25001";
inline constexpr const char* kNoActiveSqlTransaction = "25P01";
inline constexpr const char* kInFailedSqlTransaction = "25P02";
inline constexpr const char* kReadOnlySqlTransaction = "25006";
inline constexpr const char* kInvalidAuthorizationSpecification = "28000";
inline constexpr const char* kInvalidPassword = "28P01";
inline constexpr const char* kInvalidCursorName = "34000";
inline constexpr const char* kInvalidSavepointSpecification = "3B001";
inline constexpr const char* kSerializationFailure = "40001";
inline constexpr const char* kDeadlockDetected = "40P01";
inline constexpr const char* kSyntaxError = "42601";
inline constexpr const char* kInvalidName = "42602";
inline constexpr const char* kInsufficientPrivilege = "42501";
inline constexpr const char* kInvalidGrantOperation = "0LP01";
inline constexpr const char* kReservedName = "42939";
inline constexpr const char* kUndefinedColumn = "42703";
inline constexpr const char* kUndefinedFunction = "42883";
inline constexpr const char* kUndefinedTable = "42P01";
inline constexpr const char* kUndefinedObject = "42704";
inline constexpr const char* kUndefinedParameter = "42P02";
inline constexpr const char* kUndefinedSchema = "3F000";
inline constexpr const char* kDuplicateColumn = "42701";
inline constexpr const char* kDuplicateAlias = "42712";
inline constexpr const char* kDuplicateTable = "42P07";
inline constexpr const char* kDuplicateObject = "42710";
inline constexpr const char* kDuplicateSchema = "42P06";
inline constexpr const char* kDuplicateDatabase = "42P04";
inline constexpr const char* kAmbiguousColumn = "42702";
inline constexpr const char* kAmbiguousFunction = "42725";
inline constexpr const char* kDatatypeMismatch = "42804";
inline constexpr const char* kErrorInAssignment = "22005";
inline constexpr const char* kWrongObjectType = "42809";
inline constexpr const char* kGroupingError = "42803";
inline constexpr const char* kInvalidColumnReference = "42P10";
inline constexpr const char* kInvalidTableDefinition = "42P16";
inline constexpr const char* kInvalidObjectDefinition = "42P17";
inline constexpr const char* kWithCheckOptionViolation = "44000";
inline constexpr const char* kCannotCoerce = "42846";
inline constexpr const char* kDependentObjectsStillExist = "2BP01";
inline constexpr const char* kInvalidSchemaName = "3F000";
inline constexpr const char* kObjectNotInPrerequisiteState = "55000";
inline constexpr const char* kLockNotAvailable = "55P03";
inline constexpr const char* kQueryCanceled = "57014";
inline constexpr const char* kAdminShutdown = "57P01";
inline constexpr const char* kProtocolViolation = "08P01";
inline constexpr const char* kConnectionFailure = "08006";
inline constexpr const char* kOutOfMemory = "53200";
inline constexpr const char* kProgramLimitExceeded = "54000";
inline constexpr const char* kInternalError = "XX000";
inline constexpr const char* kDataCorrupted = "XX001";
inline constexpr const char* kIoError = "58030";
inline constexpr const char* kUndefinedFile = "58P01";
inline constexpr const char* kSequenceGeneratorLimitExceeded = "2200H";
inline constexpr const char* kInvalidRegularExpression = "2201B";
inline constexpr const char* kIndeterminateDatatype = "42P18";
inline constexpr const char* kInvalidCatalogName = "3D000";
inline constexpr const char* kUndefinedDatabase = "3D000";
inline constexpr const char* kTooManyConnections = "53300";
inline constexpr const char* kInvalidColumnDefinition = "42611";
inline constexpr const char* kInvalidForeignKey = "42830";
inline constexpr const char* kObjectInUse = "55006";
inline constexpr const char* kGeneratedAlways = "428C9";
inline constexpr const char* kInvalidRecursion = "42P19";
inline constexpr const char* kInvalidFunctionDefinition = "42P13";
inline constexpr const char* kDuplicateFunction = "42723";
}  // namespace sqlstate

class Error : public std::runtime_error {
 public:
  Error(const char* state, std::string message)
      : std::runtime_error(message), state_(state) {}

  Error& WithDetail(std::string d) { detail_ = std::move(d); return *this; }
  Error& WithHint(std::string h) { hint_ = std::move(h); return *this; }
  Error& WithContext(std::string c) { context_ = std::move(c); return *this; }
  Error& WithPosition(int p) { if (position_ == 0) position_ = p; return *this; }
  Error& WithSeverity(const char* s) { severity_ = s; return *this; }
  // Drops the cursor position (for errors raised while evaluating stored expressions, whose
  // positions do not refer to the statement the client sent).
  Error& ClearPosition() { position_ = 0; return *this; }
  // The error happened in `query`, run inside the client's statement (PostgreSQL's
  // internalerrquery): the cursor position moves into it, as `offset` + the position.
  Error& MoveIntoQuery(std::string query, int offset = 0) {
    internal_query_ = std::move(query);
    internal_position_ = position_ + offset > 0 ? position_ + offset : 0;
    position_ = 0;
    return *this;
  }
  Error& SetInternalPosition(int p) { internal_position_ = p; return *this; }
  // The relation/constraint an integrity error concerns (ErrorResponse fields 't', 'n').
  Error& WithConstraint(std::string table, std::string constraint) {
    table_ = std::move(table); constraint_ = std::move(constraint); return *this;
  }

  const char* state() const { return state_; }
  const std::string& detail() const { return detail_; }
  const std::string& hint() const { return hint_; }
  const std::string& context() const { return context_; }
  int position() const { return position_; }
  const char* severity() const { return severity_; }
  const std::string& table() const { return table_; }
  const std::string& constraint() const { return constraint_; }
  const std::string& internal_query() const { return internal_query_; }
  int internal_position() const { return internal_position_; }

 private:
  const char* state_;
  std::string detail_, hint_, context_, table_, constraint_, internal_query_;
  int position_ = 0, internal_position_ = 0;
  const char* severity_ = "ERROR";
};

// Throws an error whose cursor points at `location`, a 0-based byte offset from the parse
// tree (-1 when unknown: no position).
[[noreturn]] inline void ThrowAt(const char* state, const std::string& msg, int location) {
  Error e(state, msg);
  if (location >= 0) e.WithPosition(location + 1);
  throw e;
}

// A notice or warning the session sends to the client without ending the statement.
struct Notice {
  Notice(const char* severity, const char* state, std::string message, std::string detail = "", std::string hint = "",
         std::string context = "")
      : severity(severity), state(state), message(std::move(message)), detail(std::move(detail)), hint(std::move(hint)),
        context(std::move(context)) {}
  const char* severity;  // "NOTICE", "WARNING"
  const char* state;
  std::string message;
  std::string detail;
  std::string hint;
  std::string context;
  int position = 0;  // 1-based character position in the statement; 0: none
};

}  // namespace tusk
