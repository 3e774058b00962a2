// A byte-level Aho-Corasick automaton: every lexicon entry of every rule pack
// is compiled into one of these at load time, and a document is scanned in
// one linear pass. Transitions are a dense table over byte equivalence
// classes (bytes that occur in no pattern share one class), so a step is one
// table load.
//
// Thread safety: immutable after Build(); Scan() may run concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace negograph::ingest {

class Automaton {
 public:
  // Adds a pattern (already case-folded bytes, non-empty). Returns its index.
  uint32_t Add(std::string_view pattern);
  // Compiles the added patterns; call once after the last Add().
  void Build();

  size_t pattern_count() const { return pattern_len_.size(); }
  size_t state_count() const { return fail_.size(); }
  uint32_t pattern_length(uint32_t pattern) const { return pattern_len_[pattern]; }

  // Calls on_match(end, pattern) for every occurrence (end is exclusive),
  // in order of end position. `text` must be folded like the patterns.
  template <typename F>
  void Scan(std::string_view text, F&& on_match) const {
    uint32_t state = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < text.size(); ++i) {
      state = delta_[static_cast<size_t>(state) * num_classes_ + byte_class_[data[i]]];
      for (uint32_t s = has_output_[state] ? state : dict_link_[state]; s != 0;
           s = dict_link_[s]) {
        for (uint32_t k = out_begin_[s]; k < out_begin_[s + 1]; ++k) on_match(i + 1, out_[k]);
      }
    }
  }

 private:
  // Build-time trie, discarded after Build().
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> next;
    std::vector<uint32_t> outputs;
  };
  std::vector<Node> trie_{Node{}};
  std::vector<uint32_t> pattern_len_;

  uint8_t byte_class_[256] = {};
  uint32_t num_classes_ = 1;
  std::vector<uint32_t> delta_;      // state * num_classes_ + class -> state
  std::vector<uint32_t> fail_;       // failure link (build only, kept for counts)
  std::vector<uint32_t> dict_link_;  // nearest proper suffix state with output, 0 = none
  std::vector<uint8_t> has_output_;
  std::vector<uint32_t> out_begin_;  // state -> range in out_
  std::vector<uint32_t> out_;
};

}  // namespace negograph::ingest
