// Exports for the tools analysts and distributed graph engines import:
//   GraphML (Gephi, yEd; typed node and edge attributes),
//   CSV node/edge files with neo4j-admin import headers (id:ID, :LABEL,
//   :START_ID, :END_ID, :TYPE) that NebulaGraph's importer also reads,
//   JSON-LD with a small documented context,
//   PLOVER-style event JSON (one event per position).
// Formats are documented in docs/exports.md.
#pragma once

#include <optional>
#include <ostream>
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

}  // namespace negograph
