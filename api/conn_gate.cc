#include "api/conn_gate.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <string_view>
#include <unordered_map>

namespace negograph::api {
namespace {

using Clock = std::chrono::steady_clock;

thread_local bool t_close_after = false;

std::string PeerOf(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return "?";
  char buf[INET6_ADDRSTRLEN] = "?";
  if (addr.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, buf, sizeof buf);
  } else if (addr.ss_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr)->sin6_addr, buf, sizeof buf);
  }
  return buf;
}

bool WaitFor(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  for (;;) {
    int n = ::poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

// httplib's view of one request: the head we already took off the socket,
// then the socket itself for the body. Reads no further than asked, so a
// pipelined next request stays in the kernel for the gate.
class HeadStream final : public httplib::Stream {
 public:
  HeadStream(int fd, std::string head, int read_ms, int write_ms)
      : fd_(fd), head_(std::move(head)), read_ms_(read_ms), write_ms_(write_ms) {}
  bool is_readable() const override { return pos_ < head_.size() || WaitFor(fd_, POLLIN, read_ms_); }
  bool is_writable() const override { return WaitFor(fd_, POLLOUT, write_ms_); }
  ssize_t read(char* ptr, size_t size) override {
    if (pos_ < head_.size()) {
      size_t n = std::min(size, head_.size() - pos_);
      std::memcpy(ptr, head_.data() + pos_, n);
      pos_ += n;
      return static_cast<ssize_t>(n);
    }
    if (!WaitFor(fd_, POLLIN, read_ms_)) return -1;
    for (;;) {
      ssize_t n = ::recv(fd_, ptr, size, 0);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    for (;;) {
      ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { Addr(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Addr(false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  void Addr(bool remote, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int rc = remote ? ::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len)
                    : ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (rc != 0) return;
    char buf[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
      port = ntohs(a->sin6_port);
    }
    ip = buf;
  }

  int fd_;
  std::string head_;
  size_t pos_ = 0;
  int read_ms_, write_ms_;
};

void SetLowWater(int fd, size_t bytes) {
  int v = static_cast<int>(bytes);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &v, sizeof v);
}

enum class Head { kIncomplete, kComplete, kTooLarge };

// Looks at the bytes peeked so far: a complete head within the caps
// (`*len` set to its length with the blank line), one over a cap, or not
// yet complete.
Head ScanHead(std::string_view bytes, size_t max_bytes, size_t max_headers, size_t* len) {
  size_t end = bytes.find("\r\n\r\n");
  std::string_view head = end == std::string_view::npos ? bytes : bytes.substr(0, end + 4);
  if (head.size() > max_bytes) return Head::kTooLarge;
  size_t lines = 0;
  for (size_t p = head.find('\n'); p != std::string_view::npos; p = head.find('\n', p + 1)) ++lines;
  // Request line + headers + the blank line.
  if (lines > max_headers + 2) return Head::kTooLarge;
  if (end == std::string_view::npos) return Head::kIncomplete;
  *len = end + 4;
  return Head::kComplete;
}

}  // namespace

ConnectionGate::ConnectionGate(GateOptions options, Process process)
    : options_(std::move(options)), process_(std::move(process)) {
  workers_ = std::make_unique<httplib::ThreadPool>(std::max(1, options_.workers));
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  poller_ = std::thread([this] { Poll(); });
}

ConnectionGate::~ConnectionGate() { Stop(); }

void ConnectionGate::CloseAfterResponse() { t_close_after = true; }

size_t ConnectionGate::open_connections() const {
  std::lock_guard<std::mutex> lock(mu_);
  return open_;
}

void ConnectionGate::Reject(int fd, int status, const char* reason) {
  std::string body = std::string("{\"type\":\"about:blank\",\"title\":\"") + reason +
                     "\",\"status\":" + std::to_string(status) + ",\"detail\":\"" + reason +
                     "\"}";
  std::string msg = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                    "\r\nContent-Type: application/problem+json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\nConnection: close\r\n";
  if (status == 503) msg += "Retry-After: 1\r\n";
  msg += "\r\n" + body;
  (void)!::send(fd, msg.data(), msg.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  SetLowWater(fd, 1);
  // Closing now, with the client's bytes unread, would send a reset that can
  // discard the answer before the client reads it: read and drop what
  // arrives until the client closes or kLingerMs pass (nginx's lingering
  // close), in the poller.
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_ || lingering_.size() >= kMaxLingering) {
    ::close(fd);
    return;
  }
  lingering_.push_back({fd, Clock::now() + std::chrono::milliseconds(kLingerMs)});
  uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
}

void ConnectionGate::Admit(int fd) {
  std::string peer = PeerOf(fd);
  bool busy;
  {
    std::lock_guard<std::mutex> lock(mu_);
    size_t& mine = per_client_[peer];
    busy = stopping_ || open_ >= options_.max_connections ||
           (options_.max_per_client > 0 && mine >= options_.max_per_client);
    if (!busy) {
      ++open_;
      ++mine;
    } else if (mine == 0) {
      per_client_.erase(peer);
    }
  }
  if (busy) {
    ++counters_.rejected_busy;
    Reject(fd, 503, "Service Unavailable");
    return;
  }
  ++counters_.accepted;
  auto conn = std::make_unique<Conn>();
  conn->fd = fd;
  conn->peer = std::move(peer);
  conn->since = Clock::now();
  Park(std::move(conn));
}

void ConnectionGate::Park(std::unique_ptr<Conn> conn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_) {
      parked_.push_back(std::move(conn));
      uint64_t one = 1;
      (void)!::write(wake_fd_, &one, sizeof one);
      return;
    }
  }
  Close(std::move(conn));
}

void ConnectionGate::Close(std::unique_ptr<Conn> conn) {
  ::shutdown(conn->fd, SHUT_RDWR);
  ::close(conn->fd);
  Forget(*conn);
}

void ConnectionGate::Forget(const Conn& conn) {
  std::lock_guard<std::mutex> lock(mu_);
  --open_;
  if (--per_client_[conn.peer] == 0) per_client_.erase(conn.peer);
}

void ConnectionGate::Poll() {
  std::vector<pollfd> fds;
  std::string peek(options_.max_head_bytes + 1, '\0');
  for (;;) {
    auto now = Clock::now();
    std::vector<std::unique_ptr<Conn>> ready, expired;
    std::vector<std::pair<std::unique_ptr<Conn>, size_t>> heads;
    std::vector<std::unique_ptr<Conn>> too_large, gone;
    std::unordered_map<int, short> revents;
    for (size_t i = 1; i < fds.size(); ++i) revents[fds[i].fd] = fds[i].revents;
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (stopping_) break;
      bool pressure = open_ > options_.pressure_connections;
      auto idle_limit = std::chrono::milliseconds(pressure ? options_.pressure_keep_alive_ms
                                                            : options_.keep_alive_ms);
      auto head_limit = std::chrono::milliseconds(options_.head_timeout_ms);
      // Drop what rejected clients still send; close them at EOF or deadline.
      std::erase_if(lingering_, [&](const Lingering& l) {
        auto r = revents.find(l.fd);
        bool done = now > l.deadline;
        if (!done && r != revents.end() && (r->second & (POLLIN | POLLHUP | POLLERR)) != 0) {
          char sink[16384];
          ssize_t n = 0;
          for (int i = 0; i < 16 && (n = ::recv(l.fd, sink, sizeof sink, MSG_DONTWAIT)) > 0; ++i) {
          }
          done = n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR);
        }
        if (done) ::close(l.fd);
        return done;
      });
      // Look at the parked connections that became readable in the last
      // poll, and expire the overdue.
      for (std::unique_ptr<Conn>& c : parked_) {
        auto r = revents.find(c->fd);
        bool readable = r != revents.end() && (r->second & (POLLIN | POLLHUP | POLLERR)) != 0;
        if (readable) {
          ssize_t n = ::recv(c->fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
            gone.push_back(std::move(c));
            continue;
          }
          if (n > 0) {
            if (c->idle) {  // a new request begins: its head has head_limit
              c->idle = false;
              c->since = now;
            }
            size_t len = 0;
            Head h = ScanHead(std::string_view(peek.data(), static_cast<size_t>(n)),
                              options_.max_head_bytes, options_.max_headers, &len);
            if (h == Head::kComplete) {
              if (c->seen > 0) SetLowWater(c->fd, 1);
              heads.emplace_back(std::move(c), len);
              continue;
            }
            if (h == Head::kTooLarge) {
              too_large.push_back(std::move(c));
              continue;
            }
            // Half a head: poll() would report the unread bytes at once,
            // again and again; wake only when more than these have come.
            if (static_cast<size_t>(n) != c->seen) {
              c->seen = static_cast<size_t>(n);
              SetLowWater(c->fd, c->seen + 1);
            }
          }
        }
        if (now - c->since > (c->idle ? idle_limit : head_limit)) expired.push_back(std::move(c));
      }
      std::erase_if(parked_, [](const std::unique_ptr<Conn>& c) { return c == nullptr; });
      fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
      for (const std::unique_ptr<Conn>& c : parked_) fds.push_back(pollfd{c->fd, POLLIN, 0});
      for (const Lingering& l : lingering_) fds.push_back(pollfd{l.fd, POLLIN, 0});
    }
    for (auto& c : gone) Close(std::move(c));
    for (auto& c : expired) {
      if (c->idle) {
        ++counters_.idle_closed;
        Close(std::move(c));
        continue;
      }
      ++counters_.timed_out_408;
      Forget(*c);
      Reject(c->fd, 408, "Request Timeout");
    }
    for (auto& c : too_large) {
      ++counters_.rejected_431;
      Forget(*c);
      Reject(c->fd, 431, "Request Header Fields Too Large");
    }
    for (auto& [c, len] : heads) {
      auto task = std::make_shared<std::pair<std::unique_ptr<Conn>, size_t>>(std::move(c), len);
      workers_->enqueue([this, task] { Serve(std::move(task->first), task->second); });
    }
    // Wake at least every 100 ms to expire deadlines.
    int n = ::poll(fds.data(), fds.size(), 100);
    if (n > 0 && (fds[0].revents & POLLIN)) {
      uint64_t drained;
      (void)!::read(wake_fd_, &drained, sizeof drained);
    }
  }
  std::vector<std::unique_ptr<Conn>> rest;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rest.swap(parked_);
  }
  for (auto& c : rest) Close(std::move(c));
  std::lock_guard<std::mutex> lock(mu_);
  for (const Lingering& l : lingering_) ::close(l.fd);
  lingering_.clear();
}

void ConnectionGate::Serve(std::unique_ptr<Conn> conn, size_t head_len) {
  std::string head(head_len, '\0');
  ssize_t got = ::recv(conn->fd, head.data(), head_len, MSG_WAITALL);
  if (got != static_cast<ssize_t>(head_len)) {
    Close(std::move(conn));
    return;
  }
  HeadStream stream(conn->fd, std::move(head), options_.read_timeout_ms, options_.write_timeout_ms);
  bool stopping;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping = stopping_;
  }
  bool close = stopping || ++conn->requests >= options_.keep_alive_max_requests;
  bool closed = false, ok = false;
  t_close_after = false;
  try {
    ok = process_(stream, close, closed);
  } catch (const std::exception& e) {
    std::cerr << "negograph serve: exception while serving a request: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "negograph serve: unknown exception while serving a request\n";
  }
  if (!ok || close || closed || t_close_after) {
    Close(std::move(conn));
    return;
  }
  conn->idle = true;
  conn->seen = 0;
  conn->since = Clock::now();
  Park(std::move(conn));
}

void ConnectionGate::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && !poller_.joinable()) return;
    stopping_ = true;
  }
  uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
  if (poller_.joinable()) poller_.join();
  if (workers_) workers_->shutdown();
  workers_.reset();
  if (wake_fd_ >= 0) ::close(wake_fd_);
  wake_fd_ = -1;
}

}  // namespace negograph::api
