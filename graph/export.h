// Exports for the tools analysts and distributed graph engines import:
//   GraphML (Gephi, yEd; typed node and edge attributes),
//   CSV node/edge files with neo4j-admin import headers (id:ID, :LABEL,
//   :START_ID, :END_ID, :TYPE) that NebulaGraph's importer also reads,
//   JSON-LD with a small documented context,
//   PLOVER event records, JSON Lines (one event per position).
// Formats are documented in docs/exports.md.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/analysis.h"
#include "graph/graph_store.h"
#include "graph/status.h"

namespace negograph {

enum class ExportFormat { kGraphMl, kCsvNodes, kCsvEdges, kJsonLd, kPlover };

// Parses "graphml", "csv-nodes", "csv-edges", "jsonld", "plover".
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
std::string_view ExportContentType(ExportFormat format);
std::string_view ExportFileName(ExportFormat format);  // e.g. "negograph.graphml"

// Streams the export of every position in the view to `out`.
Status Export(GraphStore& store, ExportFormat format, const ViewFilter& filter, std::ostream& out);

// Both CSV files from one pass over one snapshot, so every edge's endpoints
// are in the nodes file (`negograph export --format csv`).
Status ExportCsv(GraphStore& store, const ViewFilter& filter, std::ostream& nodes_out,
                 std::ostream& edges_out);

// PLOVER with entity codes: `country_codes` maps actor ids to ISO 3166
// alpha-3 (ingest/actor_codes.h). Export(kPlover) is this without codes.
Status ExportPlover(GraphStore& store, const ViewFilter& filter,
                    const std::map<std::string, std::string>& country_codes, std::ostream& out);

// The node id every export uses: "actor:" or "issue:" + the id, so an actor
// and an issue of the same key never collide.
std::string ExportNodeId(bool actor, std::string_view id);

// The PLOVER event category of a stance: demand REQUEST (the manual's
// current name; DEMAND before), offer/accept/assure AGREE, reject REJECT,
// threaten THREATEN (docs/exports.md).
std::string_view PloverEventType(Stance stance);

}  // namespace negograph
