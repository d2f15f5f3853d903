// A thin RAII layer over the SQLite C API, for the run history only: a connection, a
// prepared statement with bound parameters, and a write transaction. Values always go in
// through bind(), never into the SQL text. sqlite3.h stays out of every other header.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace tandem::sqlite {

// What SQLite reported: its primary result code (SQLITE_NOTADB, SQLITE_READONLY, ...)
// and its message.
class Failure : public std::runtime_error {
 public:
  Failure(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

class Database {
 public:
  enum class Mode { read_only, read_write_create };
  // Opens the file (SQLite reads it only at the first statement). Waits up to
  // `busy_timeout_ms` for another process's lock. Throws Failure.
  Database(const std::filesystem::path& file, Mode mode, int busy_timeout_ms);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL that takes no values (schema, pragmas, BEGIN/COMMIT). Throws Failure.
  void exec(const char* sql);
  std::int64_t last_insert_rowid() const;
  // Whether SQLite could only open the file for reading.
  bool read_only() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);  // throws Failure
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQL's ?1, ?2, ...
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  Statement& bind(int index, std::optional<double> value);  // NULL when none (or not finite)
  Statement& bind_null(int index);

  // One step: true while there is a row to read. Throws Failure.
  bool step();
  // Runs a statement that returns no rows, then resets it for the next bindings.
  void run();
  void reset();

  // Columns are 0-based.
  bool is_null(int column) const;
  bool is_integer(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::optional<double> optional_real(int column) const;
  std::string text(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE (the write lock is taken at once, so two writers queue rather than
// fail half-way) ... COMMIT; rolled back if destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace tandem::sqlite
