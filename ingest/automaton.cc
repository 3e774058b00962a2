#include "ingest/automaton.h"

#include <algorithm>
#include <cstddef>
#include <deque>

namespace negograph::ingest {

uint32_t Automaton::Add(std::string_view pattern) {
  uint32_t state = 0;
  for (char ch : pattern) {
    auto c = static_cast<unsigned char>(ch);
    auto& next = trie_[state].next;
    auto it = std::find_if(next.begin(), next.end(), [c](const auto& e) { return e.first == c; });
    if (it != next.end()) {
      state = it->second;
    } else {
      auto child = static_cast<uint32_t>(trie_.size());
      next.emplace_back(c, child);
      trie_.emplace_back();
      state = child;
    }
  }
  auto id = static_cast<uint32_t>(pattern_len_.size());
  pattern_len_.push_back(static_cast<uint32_t>(pattern.size()));
  trie_[state].outputs.push_back(id);
  return id;
}

void Automaton::Build() {
  // Byte classes: one class per byte that occurs in a pattern, class 0 for the rest.
  bool used[256] = {};
  for (const Node& n : trie_) {
    for (const auto& [c, child] : n.next) used[c] = true;
  }
  num_classes_ = 1;
  for (int b = 0; b < 256; ++b) byte_class_[b] = used[b] ? static_cast<uint8_t>(num_classes_++) : 0;
  // A pattern alphabet over 255 bytes would overflow uint8_t classes; the
  // folded lexicons use far fewer, but stay correct: fall back to identity.
  if (num_classes_ > 255) {
    num_classes_ = 256;
    for (int b = 0; b < 256; ++b) byte_class_[b] = static_cast<uint8_t>(b);
  }

  const size_t n = trie_.size();
  delta_.assign(n * num_classes_, 0);
  fail_.assign(n, 0);
  dict_link_.assign(n, 0);
  has_output_.assign(n, 0);
  for (size_t s = 0; s < n; ++s) has_output_[s] = trie_[s].outputs.empty() ? 0 : 1;

  std::deque<uint32_t> queue;
  for (const auto& [c, child] : trie_[0].next) {
    delta_[byte_class_[c]] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    uint32_t f = fail_[s];
    // Row of s starts as a copy of its failure state's row (complete DFA).
    std::copy_n(delta_.begin() + static_cast<std::ptrdiff_t>(f * num_classes_), num_classes_,
                delta_.begin() + static_cast<std::ptrdiff_t>(s * num_classes_));
    for (const auto& [c, child] : trie_[s].next) {
      uint32_t child_fail = s == 0 ? 0 : delta_[f * num_classes_ + byte_class_[c]];
      if (child_fail == child) child_fail = 0;
      fail_[child] = child_fail;
      dict_link_[child] = has_output_[child_fail] ? child_fail : dict_link_[child_fail];
      delta_[s * num_classes_ + byte_class_[c]] = child;
      queue.push_back(child);
    }
  }
  // Root row for children was set before the loop; re-apply in case the copy
  // for the root (never copied) left it intact: nothing to do.

  out_begin_.assign(n + 1, 0);
  for (size_t s = 0; s < n; ++s) {
    out_begin_[s + 1] = out_begin_[s] + static_cast<uint32_t>(trie_[s].outputs.size());
  }
  out_.clear();
  out_.reserve(out_begin_[n]);
  for (const Node& node : trie_) out_.insert(out_.end(), node.outputs.begin(), node.outputs.end());
  trie_.clear();
  trie_.shrink_to_fit();
}

}  // namespace negograph::ingest
