// An ordered parallel pipeline for the bulk ingest: `next` hands out inputs
// (one at a time, under a lock, so it may read a stream), `work` runs on
// `workers` threads (parse or extract), and `consume` sees the results on the
// calling thread in input order (the store writer). At most `window` inputs
// are in flight, which bounds memory on any corpus size.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace negograph::cli {

// Returns when every input is consumed, or as soon as `consume` returns false
// (inputs in flight are then finished and dropped). `work` must not throw.
template <typename In, typename Out>
void RunOrderedPipeline(size_t workers, size_t window, const std::function<std::optional<In>()>& next,
                        const std::function<Out(In&&)>& work,
                        const std::function<bool(Out&&)>& consume) {
  std::mutex mu;
  std::condition_variable can_issue, can_consume;
  std::map<size_t, Out> done;  // finished, not yet consumed
  size_t issued = 0, consumed = 0;
  bool exhausted = false, stop = false;
  auto worker = [&] {
    for (;;) {
      std::optional<In> in;
      size_t seq = 0;
      {
        std::unique_lock lock(mu);
        can_issue.wait(lock, [&] { return stop || exhausted || issued - consumed < window; });
        if (stop || exhausted) return;
        in = next();
        if (!in) {
          exhausted = true;
          can_issue.notify_all();
          can_consume.notify_all();
          return;
        }
        seq = issued++;
      }
      Out out = work(std::move(*in));
      std::lock_guard lock(mu);
      done.emplace(seq, std::move(out));
      can_consume.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 0; i < std::max<size_t>(workers, 1); ++i) threads.emplace_back(worker);
  for (;;) {
    std::unique_lock lock(mu);
    can_consume.wait(lock, [&] { return done.contains(consumed) || (exhausted && consumed == issued); });
    auto it = done.find(consumed);
    if (it == done.end()) break;  // exhausted and all consumed
    Out out = std::move(it->second);
    done.erase(it);
    lock.unlock();
    bool more = consume(std::move(out));
    lock.lock();
    ++consumed;
    can_issue.notify_all();
    if (!more) {
      stop = true;
      can_issue.notify_all();
      break;
    }
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace negograph::cli
