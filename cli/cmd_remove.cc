// `negograph remove DOC_ID|NAME`: deletes a document and every position,
// evidence and index entry derived from it, in one atomic write.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "graph/rocksdb/rocksdb_store.h"

namespace negograph::cli {
namespace {

struct RemoveOptions {
  std::string doc;
  std::string db = kDefaultDbDir;
};

// The id of the document named `doc` (its id, or its name when unique).
StatusOr<Counted<Document>> Resolve(GraphStore& store, const std::string& doc) {
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  std::vector<Counted<Document>> by_name;
  for (Counted<Document>& d : *docs) {
    if (d.item.id == doc) return std::move(d);
    if (d.item.name == doc) by_name.push_back(std::move(d));
  }
  if (by_name.empty()) return Status::NotFound("no document with id or name '" + doc + "'");
  if (by_name.size() > 1) {
    std::string ids;
    for (const Counted<Document>& d : by_name) ids += " " + d.item.id;
    return Status::InvalidArgument("several documents are named '" + doc +
                                   "'; give the id:" + ids);
  }
  return std::move(by_name[0]);
}

int RunRemove(const RemoveOptions& opts) {
  RocksDbStoreOptions open;
  open.create_if_missing = false;
  StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(opts.db, open);
  if (!store.ok()) {
    std::cerr << "negograph remove: " << store.status().ToString() << "\n";
    return kExitStore;
  }
  StatusOr<Counted<Document>> doc = Resolve(**store, opts.doc);
  if (!doc.ok()) {
    std::cerr << "negograph remove: " << doc.status().ToString() << "\n";
    return ExitCodeFor(doc.status());
  }
  if (Status s = (*store)->RemoveDocument(doc->item.id); !s.ok()) {
    std::cerr << "negograph remove: " << s.ToString() << "\n";
    return s.code() == StatusCode::kNotFound ? kExitNotFound : kExitStore;
  }
  std::cout << "removed " << doc->item.id << " (" << doc->item.name << "): " << doc->positions
            << " positions\n";
  return kExitOk;
}

}  // namespace

Runner AddRemoveCommand(CLI::App& app) {
  auto opts = std::make_shared<RemoveOptions>();
  CLI::App* sub = app.add_subcommand(
      "remove", "Delete a document and everything derived from it (one atomic write).");
  sub->add_option("doc", opts->doc, "Document id (32 hex digits) or document name")->required();
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  return [opts] { return RunRemove(*opts); };
}

}  // namespace negograph::cli
