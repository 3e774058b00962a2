#!/usr/bin/env python3
"""Hostile and heavy HTTP clients for negograph on loopback (stdlib only).

Each scenario runs for a bounded time against HOST:PORT and prints one JSON
line of figures. Meanwhile a probe, in a process of its own (500 reader
threads in this one would hold the GIL and delay its clock), requests
/healthz once a second. The scenario fails when
  - the probe went unanswered longer than 3 s x L (request timeout 2 s x L),
    where L = max(1, load average / cores, sampled by the probe), at most 20 s:
    a busy CI machine stretches answers, a blocked server has none;
  - slowloris and load: no probe was both sent and answered while the abuse
    was fully in place (all connections open), whatever the load: the defect this
    guards against (33 slow connections made /healthz unanswerable) shows as
    no answer at all, not as a slow one;
  - after the abuse the server does not answer within 3 tries of 5 s x L.

  slowloris N SECONDS   N connections sending one header byte per second
  headers               one request with 10,000 headers, one with a 1 MB line
  body BYTES            POST a body of BYTES to the upload route
  load N SECONDS        N keep-alive connections reading, plus one writer
                        posting documents (needs --token); p50/p99, errors

Usage: http-abuse.py [--token T] [--pid PID] [--probe-port P] [--sources K]
                     HOST PORT SCENARIO ARGS...
--pid adds the server's RSS to the figures; --probe-port probes negograph
directly while the scenario goes through a proxy on PORT; --sources K spreads
the load readers over K loopback addresses (127.0.1.1-K).
Exit 0 when the server stayed answerable (and, for headers/body, refused
with a 4xx), 1 otherwise.
"""
import json, multiprocessing, os, socket, sys, threading, time, random

def rss_mb(pid):
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return None

def request(host, port, raw, timeout=5.0):
    """Sends raw bytes, returns (status, seconds) or (None, seconds)."""
    start = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(raw)
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            parts = data.split(b" ", 2)
            return (int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None,
                    time.monotonic() - start)
    except OSError:
        return None, time.monotonic() - start

def load_factor():
    """How much slower than idle this machine runs: load average per core, >= 1."""
    return max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))

HEALTHZ = b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
MAX_FACTOR = 20.0 / 3.0  # the gap limit never exceeds 20 s

class Probe:
    """GET /healthz once a second from a child process; keeps every attempt as
    (sent, answered_at or None) and the highest load factor it saw."""
    def __init__(self, host, port):
        self.host, self.port = host, port
        ctx = multiprocessing.get_context("fork")
        self.stop = ctx.Event()
        self.recv, send = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=self._run, args=(send,), daemon=True)
        self.attempts, self.factor = [], 1.0
        self.window_start = ctx.Value("d", 0.0)  # set when the abuse is in place
        self.inside = ctx.Value("i", 0)  # probes sent and answered since then
    def mark(self, now):
        self.window_start.value = now
    def answered_inside(self):
        return self.inside.value > 0
    def start(self):  # before any client thread exists: fork copies one thread
        self.proc.start()
    def _run(self, send):
        attempts, factor = [], load_factor()
        while not self.stop.is_set():
            factor = max(factor, load_factor())
            sent = time.monotonic()
            status, secs = request(self.host, self.port, HEALTHZ,
                                   timeout=2.0 * min(factor, MAX_FACTOR))
            attempts.append((sent, sent + secs if status == 200 else None))
            if status == 200 and 0 < self.window_start.value <= sent:
                self.inside.value += 1
            self.stop.wait(max(0.0, 1.0 - secs))
        send.send((attempts, factor))
    def finish(self):
        self.stop.set()
        self.attempts, self.factor = self.recv.recv()
        self.proc.join()
    def verdict(self, window, end):
        """Figures and whether the server held: window is (start, end) of the
        abuse fully in place or None; end is when probing stopped."""
        factor = min(self.factor, MAX_FACTOR)
        limit = 3.0 * factor
        answered = [(s, a) for s, a in self.attempts if a is not None]
        worst_gap, last = 0.0, self.attempts[0][0] if self.attempts else end
        for _, a in answered:
            worst_gap = max(worst_gap, a - last)
            last = a
        worst_gap = max(worst_gap, end - last)
        inside = None
        if window:
            inside = sum(1 for s, a in answered if window[0] <= s and a <= window[1])
        held = bool(answered) and worst_gap <= limit and inside != 0
        figures = {"probe_ok": len(answered), "probe_failed": len(self.attempts) - len(answered),
                   "probe_worst_gap_s": round(worst_gap, 2), "probe_gap_limit_s": round(limit, 1),
                   "load_factor": round(self.factor, 2),
                   "probe_max_latency_ms": round(max((a - s for s, a in answered), default=0) * 1000, 1)}
        if window:
            figures["probe_ok_during_abuse"] = inside
        return held, figures

def answers_after(host, port, factor):
    """The server answers /healthz after the abuse (3 tries, 5 s x factor each)."""
    for _ in range(3):
        status, _ = request(host, port, HEALTHZ, timeout=5.0 * min(factor, MAX_FACTOR))
        if status == 200:
            return True
        time.sleep(1)
    return False

def extended(end, start, seconds, probe):
    """The abuse's end, pushed on by a second at a time while no probe sent
    during it has been answered, at most to 3 x SECONDS (30 s at least) from
    its start: on a crowded machine a probe can take longer than the whole
    scenario; a server that answers nothing still fails."""
    now = time.monotonic()
    if now < end - 0.5 or probe.answered_inside():
        return end
    return min(max(end, now + 1.0), start + max(3 * seconds, 30.0))

def slowloris(host, port, n, seconds, window, probe):
    socks, refused = [], 0
    for _ in range(n):
        try:
            s = socket.create_connection((host, port), timeout=2)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
        except OSError:
            refused += 1
    closed_by_server = 0
    answered = {}
    start = time.monotonic()
    end = start + seconds
    probe.mark(start)
    i = 0
    while time.monotonic() < end and socks:
        end = extended(end, start, seconds, probe)
        alive = []
        for s in socks:
            try:
                s.sendall(b"X-a%d: b\r\n" % i)
                alive.append(s)
            except OSError:
                closed_by_server += 1
                s.close()
        socks = alive
        i += 1
        time.sleep(1)
    window[:] = [start, time.monotonic()]
    for s in socks:
        s.setblocking(False)
        try:
            data = s.recv(64)
            if data:
                code = data.split(b" ", 2)[1].decode()
                answered[code] = answered.get(code, 0) + 1
                closed_by_server += 1
        except (OSError, IndexError):
            pass
        s.close()
    return {"connections": n, "refused_at_connect": refused,
            "closed_by_server": closed_by_server, "answers": answered,
            "still_open_at_end": len(socks) - sum(answered.values())}

def headers(host, port):
    many = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(
        b"X-h%d: v\r\n" % i for i in range(10000)) + b"\r\n"
    long = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-long: " + b"a" * (1 << 20) + b"\r\n\r\n"
    s1, _ = request(host, port, many)
    s2, _ = request(host, port, long)
    ok = all(s is not None and 400 <= s < 500 for s in (s1, s2))
    return {"many_headers_status": s1, "long_line_status": s2, "refused_4xx": ok}

def body(host, port, size):
    head = (b"POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            b"Authorization: Bearer wrong\r\nContent-Length: %d\r\n\r\n" % size)
    status, secs = None, 0.0
    start = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(head)
            chunk = b"a" * 65536
            sent = 0
            try:
                while sent < size:
                    sent += s.send(chunk[: min(len(chunk), size - sent)])
            except OSError:
                pass
            data = s.recv(4096)
            parts = data.split(b" ", 2)
            status = int(parts[1]) if len(parts) > 1 else None
    except OSError:
        pass
    return {"body_bytes": size, "status": status, "seconds": round(time.monotonic() - start, 2),
            "refused_4xx": status is not None and 400 <= status < 500}

class Reader(threading.Thread):
    PATHS = [b"/api/v1/actors", b"/api/v1/issues", b"/api/v1/positions?limit=20",
             b"/api/v1/documents", b"/healthz"]
    def __init__(self, host, port, end, lat, errs, source=None):
        super().__init__(daemon=True)
        self.host, self.port, self.end, self.lat, self.errs = host, port, end, lat, errs
        self.source = (source, 0) if source else None
    def run(self):
        s, f = None, None
        while time.monotonic() < self.end:
            try:
                if s is None:
                    s = socket.create_connection((self.host, self.port), timeout=10,
                                                 source_address=self.source)
                    f = s.makefile("rb")
                path = random.choice(self.PATHS)
                start = time.monotonic()
                s.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
                status_line = f.readline()
                if not status_line:
                    raise OSError("closed")
                code = int(status_line.split(b" ", 2)[1])
                length, close = 0, False
                while True:
                    line = f.readline()
                    if line in (b"\r\n", b""):
                        break
                    k, _, v = line.partition(b":")
                    if k.lower() == b"content-length":
                        length = int(v)
                    if k.lower() == b"connection" and b"close" in v.lower():
                        close = True
                f.read(length)
                self.lat.append(time.monotonic() - start)
                if code >= 400:
                    self.errs[str(code)] = self.errs.get(str(code), 0) + 1
                if close:
                    s.close()
                    s = None
            except (OSError, ValueError, IndexError) as e:
                key = "timeout" if isinstance(e, socket.timeout) else "connection"
                self.errs[key] = self.errs.get(key, 0) + 1
                if s is not None:
                    s.close()
                s = None
                time.sleep(0.05)
        if s is not None:
            s.close()

def load(host, port, n, seconds, token, window, sources, probe):
    lat, errs = [], {}
    # With --sources K the readers come from K loopback addresses
    # 127.0.1.1.. (the writer from 127.0.0.1), like K colleagues: a proxy's
    # per-address limits then shed only what one address overdoes.
    addr = lambda i: "127.0.1.%d" % (1 + i % sources) if sources else None
    # Starting 500 threads takes seconds on a busy machine: the readers run
    # for SECONDS after the last one started, not from the first.
    readers = [Reader(host, port, float("inf"), lat, errs, addr(i)) for i in range(n)]
    for r in readers:
        r.start()
    start = time.monotonic()
    end = start + seconds
    for r in readers:
        r.end = end
    probe.mark(start)
    posted, post_errors = 0, {}
    k = 0
    while time.monotonic() < end:
        if (later := extended(end, start, seconds, probe)) != end:
            end = later
            for r in readers:  # before their old end passes (0.5 s ahead)
                r.end = end
        if token:
            text = ("Russia demanded security guarantees from NATO in round %d of %d. "
                    "The United States rejected the demand." % (k, time.time_ns()))
            raw = text.encode()
            status, _ = request(host, port,
                                b"POST /api/v1/documents?lang=en HTTP/1.1\r\nHost: x\r\n"
                                b"Content-Type: text/plain\r\nAuthorization: Bearer " +
                                token.encode() + b"\r\nConnection: close\r\nContent-Length: %d\r\n\r\n"
                                % len(raw) + raw, timeout=10)
            if status in (200, 201):
                posted += 1
            else:
                post_errors[str(status)] = post_errors.get(str(status), 0) + 1
            k += 1
        time.sleep(0.2)
    window[:] = [start, time.monotonic()]
    for r in readers:
        r.join(timeout=15)
    lat.sort()
    pct = lambda p: round(lat[min(len(lat) - 1, int(len(lat) * p))] * 1000, 1) if lat else None
    return {"connections": n, "sources": sources or 1, "seconds": seconds,
            "extended_s": round(window[1] - start - seconds, 1), "requests": len(lat),
            "errors": errs, "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "posted": posted, "post_errors": post_errors}

def main(argv):
    token, pid, probe_port, sources = None, None, None, 0
    while argv and argv[0].startswith("--"):
        if argv[0] == "--token":
            token = argv[1]
        elif argv[0] == "--pid":
            pid = int(argv[1])
        elif argv[0] == "--probe-port":
            probe_port = int(argv[1])
        elif argv[0] == "--sources":
            sources = int(argv[1])
        argv = argv[2:]
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    host, port, scenario, args = argv[0], int(argv[1]), argv[2], argv[3:]
    probe = Probe(host, probe_port or port)
    probe.start()
    window = []  # set by slowloris and load once the abuse is fully in place
    if scenario == "slowloris":
        out = slowloris(host, port, int(args[0]), float(args[1]), window, probe)
    elif scenario == "headers":
        out = headers(host, port)
    elif scenario == "body":
        out = body(host, port, int(args[0]))
    elif scenario == "load":
        out = load(host, port, int(args[0]), float(args[1]), token, window, sources, probe)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    time.sleep(1.2)
    probe.finish()
    held, figures = probe.verdict(window or None, time.monotonic())
    after = answers_after(host, probe_port or port, probe.factor)
    out = {"scenario": scenario, **out, **figures, "answers_after": after}
    if pid:
        out["server_rss_mb"] = rss_mb(pid)
    print(json.dumps(out))
    return 0 if held and after and out.get("refused_4xx", True) else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
