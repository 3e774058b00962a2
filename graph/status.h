// Status and StatusOr<T>: the one error style for every fallible call in
// negograph (modelled on absl::Status). Exceptions never cross a module
// boundary; callers must look at what they get back ([[nodiscard]]).
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace negograph {

// Codes map onto CLI exit codes (cli/exit_codes.h) and HTTP statuses
// (api/problem.h); add new codes at the end.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad input: malformed file, bad parameter
  kNotFound,           // unknown id, missing file or store
  kAlreadyExists,      // conflicting write
  kFailedPrecondition, // e.g. store written by a newer schema
  kCorruption,         // stored bytes do not decode
  kIOError,            // the OS or RocksDB failed to read or write
  kBusy,               // store locked by another process
  kTooLarge,           // input over a configured limit
  kUnsupported,        // e.g. a language without a rule pack
  kInternal,           // a bug in negograph
  kUnimplemented,      // not built yet
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status Unimplemented(std::string m) { return {StatusCode::kUnimplemented, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NotFound: no document abc" (or "OK").
  std::string ToString() const;

  // Prefixes context: Status::NotFound("x").WithContext("reading a.txt")
  // gives "reading a.txt: x".
  Status WithContext(std::string_view context) const;

  // Marks an error as deliberately ignored; makes the choice visible.
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "StatusOr needs a value or an error");
  }
  StatusOr(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> data_;
};

}  // namespace negograph

// Returns early from the enclosing function when `expr` is not OK.
#define NEGOGRAPH_RETURN_IF_ERROR(expr)                 \
  do {                                                  \
    ::negograph::Status negograph_status_ = (expr);     \
    if (!negograph_status_.ok()) return negograph_status_; \
  } while (0)
