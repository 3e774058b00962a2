#include "cli/read_store.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"
#include "graph/labels.h"
#include "graph/rocksdb/rocksdb_store.h"

namespace negograph::cli {

namespace {

// A labelled view that owns the store it reads.
class OwningLabelledStore : public LabelledStore {
 public:
  OwningLabelledStore(std::unique_ptr<GraphStore> inner, const std::string& lang)
      : LabelledStore(*inner, lang), inner_(std::move(inner)) {}

 private:
  std::unique_ptr<GraphStore> inner_;
};

}  // namespace

StatusOr<std::unique_ptr<GraphStore>> OpenStoreReadOnly(const std::string& dir,
                                                        const std::string& lang) {
  RocksDbStoreOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(dir, options);
  if (!store.ok()) return store;
  return std::unique_ptr<GraphStore>(new OwningLabelledStore(std::move(*store), lang));
}

void AddLangOption(CLI::App& sub, std::string& lang) {
  sub.add_option("--lang", lang, "Language of labels: de or en")
      ->check(CLI::IsMember({"de", "en"}))
      ->capture_default_str();
}

Status CheckRoundKnown(GraphStore& store, std::string_view round) {
  if (round.empty()) return Status::Ok();
  StatusOr<std::vector<Counted<Round>>> rounds = store.ListRounds();
  if (!rounds.ok()) return rounds.status();
  for (const Counted<Round>& r : *rounds) {
    if (r.item.id == round) return Status::Ok();
  }
  return Status::NotFound("no round '" + std::string(round) + "' (see `negograph query --list rounds`)");
}

int Fail(std::string_view command, const Status& status, bool store_error) {
  std::cerr << "negograph " << command << ": " << status.ToString() << "\n";
  return store_error ? kExitStore : ExitCodeFor(status);
}

std::string OneLine(std::string_view s, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes) + 3);
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  // Step back over UTF-8 continuation bytes (10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "\u2026";
}

}  // namespace negograph::cli
