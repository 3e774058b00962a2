// Marks byte ranges of UTF-8 text. The API reports byte offsets into the
// document text; JS strings index UTF-16 code units, so we work on the
// encoded bytes and decode each piece.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Appends `text` to `container` with `ranges` ([{start, end, cls, title,
// onClick, data}], byte offsets relative to `text`) wrapped in <mark>
// elements; overlapping ranges nest as classes on the same piece.
export function renderMarked(container, text, ranges) {
  const bytes = encoder.encode(text);
  const valid = ranges.filter((r) => r && r.end > r.start && r.start >= 0 && r.end <= bytes.length);
  const cuts = new Set([0, bytes.length]);
  for (const r of valid) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.subarray(a, b));
    const covering = valid.filter((r) => r.start <= a && r.end >= b);
    if (!covering.length) { container.append(piece); continue; }
    // Innermost (shortest) range decides click and title; classes add up.
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const mark = document.createElement('mark');
    mark.className = [...new Set(covering.map((r) => r.cls))].join(' ');
    mark.textContent = piece;
    const titled = covering.find((r) => r.title);
    if (titled) mark.title = titled.title;
    const clickable = covering.find((r) => r.onClick);
    if (clickable) {
      mark.addEventListener('click', clickable.onClick);
      Object.assign(mark.dataset, clickable.data ?? {});
    }
    container.append(mark);
  }
}

export function byteLength(text) { return encoder.encode(text).length; }

// The quote of a position with cue, actor and issue marked. Offsets in the
// position are relative to the document; the quote is the span [start, end).
export function renderQuote(container, p) {
  const base = p.start ?? 0;
  const ok = byteLength(p.quote ?? '') === (p.end ?? 0) - base;
  const rel = (span, cls, title) => (ok && Array.isArray(span) && span[1] > span[0]
    ? { start: span[0] - base, end: span[1] - base, cls, title } : null);
  renderMarked(container, p.quote ?? '', [
    rel(p.actor_span, 'actor', `actor: ${p.actor_label}`),
    rel(p.issue_span, 'issue', `issue: ${p.issue_label}`),
    rel(p.cue, 'cue', `cue: ${p.stance}`),
  ]);
}
