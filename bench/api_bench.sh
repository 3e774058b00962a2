#!/usr/bin/env bash
# API throughput: wrk against GET /api/v1/positions?actor=...&limit=20 on a
# RocksDB store of N synthetic positions, and against a hello-world handler
# (GET /bench/hello, `serve --bench-hello`) in the same server, same run.
# Prints req/s, p50/p99 of each and the ratio (target: positions >= 0.5 of
# hello, p99 < 5 ms at 1M positions).
#
#   bench/api_bench.sh [BUILD_DIR] [POSITIONS] [DURATION]
#   e.g. bench/api_bench.sh build/release 1000000 15s
# Needs wrk and python3. Everything lives in a temp dir, removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
positions=${2:-200000}
duration=${3:-10s}
bin=$build/negograph
[[ -x $bin ]] || { echo "no $bin: build the negograph target first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }

tmp=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# Synthetic extractions: 100 positions per document, 50 actors, 500 issues.
# Ids only need the stored form (32/16 lower-case hex digits).
python3 - "$positions" > "$tmp/extractions.jsonl" <<'PY'
import hashlib, json, random, sys
n = int(sys.argv[1]); per_doc = 100; rnd = random.Random(42)
stances = ["demand", "offer", "reject", "accept", "threaten", "assure"]
for d in range((n + per_doc - 1) // per_doc):
    text = f"synthetic document {d}"
    doc_id = hashlib.md5(text.encode()).hexdigest()
    doc = {"id": doc_id, "name": f"synthetic-{d}", "title": "", "date": "", "lang": "en",
           "source": "bench", "round": "", "text": text, "rules_version": "bench"}
    pos, actors, issues = [], {}, {}
    for s in range(min(per_doc, n - d * per_doc)):
        a, i, st = f"actor{rnd.randrange(50)}", f"issue{rnd.randrange(500)}", rnd.choice(stances)
        pid = hashlib.sha1(f"{doc_id}|{s}|{a}|{st}|{i}".encode()).hexdigest()[:16]
        q = f"{a} says {st} on {i} in sentence {s}."
        pos.append({"id": pid, "doc": doc["name"], "doc_id": doc_id, "actor": a, "actor_label": a,
                    "stance": st, "issue": i, "issue_label": i, "sentence": s, "start": 0,
                    "end": len(q), "quote": q, "rule": "bench", "confidence": 1.0})
        actors[a] = {"id": a, "label": a, "type": "state"}
        issues[i] = {"id": i, "label": i, "open": False}
    print(json.dumps({"document": doc, "positions": pos, "actors": list(actors.values()),
                      "issues": list(issues.values()), "people": []}))
PY

echo "ingesting $positions positions ..." >&2
SECONDS=0
"$bin" ingest --db "$tmp/db" --from-jsonl "$tmp/extractions.jsonl" >/dev/null

echo "ingested in ${SECONDS}s" >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
threads=${NEGOGRAPH_BENCH_THREADS:-16}
"$bin" serve --db "$tmp/db" --port "$port" --threads "$threads" --bench-hello --web "$tmp" \
  2>"$tmp/serve.log" &
server_pid=$!
up=0
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { up=1; break; }
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
cat "$tmp/serve.log" >&2
((up)) || { echo "the server did not come up" >&2; exit 1; }

# wrk: 2 threads, as many connections as server workers (a keep-alive
# connection holds a worker in cpp-httplib).
run() {
  wrk -t2 -c"$threads" -d"$duration" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    $1=="50%" {p50=$2} $1=="99%" {p99=$2}
    END {printf "%s %s %s\n", rps, p50, p99}'
}
read -r hello_rps hello_p50 hello_p99 < <(run "http://127.0.0.1:$port/bench/hello")
url="http://127.0.0.1:$port/api/v1/positions?actor=actor7&limit=20"
read -r pos_rps pos_p50 pos_p99 < <(run "$url")
read -r filt_rps filt_p50 filt_p99 < <(run "$url&stance=reject&issue=issue42")
printf '%-48s %10s %9s %9s\n' route req/s p50 p99
printf '%-48s %10s %9s %9s\n' "/bench/hello (hello world)" "$hello_rps" "$hello_p50" "$hello_p99"
printf '%-48s %10s %9s %9s\n' "/api/v1/positions?actor=&limit=20" "$pos_rps" "$pos_p50" "$pos_p99"
printf '%-48s %10s %9s %9s\n' "  ...&stance=&issue=" "$filt_rps" "$filt_p50" "$filt_p99"
python3 -c "print('ratio positions/hello: %.2f (target >= 0.5); with stance+issue: %.2f' % ($pos_rps/$hello_rps, $filt_rps/$hello_rps))"
