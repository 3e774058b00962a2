// Kùzu schema for `negograph export --format csv` (nodes.csv, edges.csv):
// the CSV files load as they are, no column renamed or dropped. Columns map
// by position, in the order of the CSV headers (docs/exports.md); new
// columns are only ever appended there, and here.
//   kuzu shell:  paste the statements (in the directory of the CSV files)
//   Node.js:     tests/engines/kuzu.test.mjs runs exactly these statements
// The two COPY statements read the files from the working directory.

// nodes.csv: id:ID,label,kind,open:boolean,positions:long,:LABEL,label_de,label_en,members:string[]
CREATE NODE TABLE Node(
  id STRING,
  label STRING,
  kind STRING,
  open BOOLEAN,
  positions INT64,
  labels STRING,
  label_de STRING,
  label_en STRING,
  members STRING,
  PRIMARY KEY (id));

// edges.csv: :START_ID,:END_ID,:TYPE,id,stance,round,quote,doc,doc_name,
// sentence:int,start:int,end:int,rule,speaker,target,condition,
// negated:boolean,confidence:float,rank:long
// (:START_ID and :END_ID are the FROM and TO node keys)
CREATE REL TABLE Position(
  FROM Node TO Node,
  type STRING,
  id STRING,
  stance STRING,
  round STRING,
  quote STRING,
  doc STRING,
  doc_name STRING,
  sentence INT32,
  span_start INT64,
  span_end INT64,
  rule STRING,
  speaker STRING,
  target STRING,
  `condition` STRING,
  negated BOOLEAN,
  confidence FLOAT,
  rank INT64);

// A quote may hold a newline inside its quotes: PARALLEL=false lets the
// reader follow it (Kùzu's parallel CSV reader cannot).
COPY Node FROM 'nodes.csv' (HEADER=true, PARALLEL=false);
COPY Position FROM 'edges.csv' (HEADER=true, PARALLEL=false);
