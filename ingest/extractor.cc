// PLACEHOLDER until the rule engine lands (issue 4): loads nothing and
// extracts nothing, and says so.
#include "ingest/extractor.h"

namespace negograph::ingest {

class RulePack {
 public:
  std::string version = "none";
};

Extractor::Extractor(std::unique_ptr<RulePack> pack) : pack_(std::move(pack)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

StatusOr<Extractor> Extractor::Load(const std::filesystem::path&) {
  return Extractor(std::make_unique<RulePack>());
}

std::filesystem::path Extractor::DefaultRulesDir() { return NEGOGRAPH_SOURCE_RULES_DIR; }

StatusOr<DocumentExtraction> Extractor::Extract(const Document&) const {
  return Status::Unimplemented("extractor not built yet");
}

const std::string& Extractor::rules_version() const { return pack_->version; }

}  // namespace negograph::ingest
