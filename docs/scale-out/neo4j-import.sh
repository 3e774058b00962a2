#!/usr/bin/env bash
# Neo4j 5.x offline bulk import of `negograph export --format csv`. The CSV
# headers are neo4j-admin's own (id:ID, :LABEL, :START_ID, :END_ID, :TYPE,
# typed columns such as sentence:int), so the files load as they are.
# ON PAPER: not run here (no Neo4j in the test environment); docs/scale-out.md.
# usage: docs/scale-out/neo4j-import.sh CSV_DIR [DATABASE]   (Neo4j stopped,
# or DATABASE not existing yet; neo4j-admin on PATH)
set -euo pipefail
dir=${1:?usage: neo4j-import.sh CSV_DIR [DATABASE]}
db=${2:-negograph}
# --multiline-fields: a quote may hold a newline inside its quotes.
# --overwrite-destination: re-running replaces the database (idempotent).
neo4j-admin database import full "$db" \
  --nodes="$dir/nodes.csv" \
  --relationships="$dir/edges.csv" \
  --multiline-fields=true \
  --overwrite-destination=true
# Neo4j 4.x: neo4j-admin import --database="$db" --nodes=... --relationships=...
#            --multiline-fields=true
echo "then: CREATE DATABASE $db (Enterprise) or set initial.dbms.default_database=$db;" >&2
echo "e.g.  MATCH (a:Actor)-[r:REJECT]->(i:Issue) RETURN a.label, i.label, r.quote" >&2
