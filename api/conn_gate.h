// ConnectionGate: holds every accepted connection between requests, so that
// idle and slow clients cost a file descriptor, not a worker thread.
//
// cpp-httplib 0.11.4 gives each connection a pool thread for its whole life
// and reads the request head with no limit on header count or line length
// (CVE-2025-52887, CVE-2025-53628). The gate sits in front of it: one poller
// thread watches parked connections and *peeks* at their bytes in the kernel
// socket buffer; only when a complete head (ending in CRLF CRLF) within the
// byte and header-count caps is there does a worker read exactly that head
// and hand it to httplib's request parser. Heads over a cap are answered 431
// without being buffered; a head not complete by its deadline is answered 408;
// connections over the total or per-address cap are answered 503 at once.
// Idle keep-alive connections go back to the poller, and are closed sooner
// when the server is under pressure.
//
// Thread safety: Admit/Stop from any thread; Stop joins the poller and the
// workers (in-flight requests finish).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Stream;
class ThreadPool;
}  // namespace httplib

namespace negograph::api {

struct GateOptions {
  size_t max_head_bytes = 16 << 10;  // request line + headers
  size_t max_headers = 100;
  int head_timeout_ms = 10'000;       // from the first byte (or accept) to the whole head
  int keep_alive_ms = 5'000;          // idle time allowed between requests
  int pressure_keep_alive_ms = 1000;  // the same, when over pressure_connections
  size_t max_connections = 1000;
  size_t pressure_connections = 512;
  size_t max_per_client = 64;         // 0: no per-address cap
  size_t keep_alive_max_requests = 1000;
  int read_timeout_ms = 5'000;        // body reads, once the head is in
  int write_timeout_ms = 5'000;
  int workers = 32;
};

struct GateCounters {
  std::atomic<uint64_t> accepted{0}, rejected_busy{0}, rejected_431{0}, timed_out_408{0},
      idle_closed{0};
};

class ConnectionGate {
 public:
  // Serves one request whose head is readable from `stream`; the signature
  // of httplib::Server::process_request.
  using Process = std::function<bool(httplib::Stream& stream, bool close_connection,
                                     bool& connection_closed)>;

  ConnectionGate(GateOptions options, Process process);
  ~ConnectionGate();  // Stop()
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // Takes ownership of an accepted socket (closes it in every case).
  void Admit(int fd);
  // Closes every parked connection, lets in-flight requests finish, joins.
  void Stop();
  // Asks that the connection of the request running on this thread be
  // closed after its response (e.g. a body left unread).
  static void CloseAfterResponse();

  const GateCounters& counters() const { return counters_; }
  size_t open_connections() const;

 private:
  struct Conn {
    int fd = -1;
    std::string peer;
    std::chrono::steady_clock::time_point since;  // parked at (idle) or head started
    bool idle = false;     // between keep-alive requests, no byte yet
    size_t seen = 0;       // bytes of an unfinished head seen (SO_RCVLOWAT set past them)
    size_t requests = 0;   // served on this connection
  };

  struct Lingering {
    int fd;
    std::chrono::steady_clock::time_point deadline;
  };
  static constexpr int kLingerMs = 2000;
  static constexpr size_t kMaxLingering = 512;

  void Park(std::unique_ptr<Conn> conn);
  void Close(std::unique_ptr<Conn> conn);
  // Drops `conn` from the counts without closing its socket.
  void Forget(const Conn& conn);
  // Answers `status` and closes gracefully (lingering); takes the socket.
  void Reject(int fd, int status, const char* reason);
  void Poll();
  void Serve(std::unique_ptr<Conn> conn, size_t head_len);

  const GateOptions options_;
  const Process process_;
  GateCounters counters_;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::thread poller_;
  int wake_fd_ = -1;

  mutable std::mutex mu_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Conn>> parked_;   // guarded by mu_
  std::vector<Lingering> lingering_;             // answered, closing; guarded by mu_
  std::map<std::string, size_t> per_client_;    // open connections by address
  size_t open_ = 0;                             // parked + in flight
};

}  // namespace negograph::api
