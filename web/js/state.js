// The view state lives in the URL hash (#view=graph&round=...), so a link
// reproduces what is on screen. Keys: view, round, hide (stances, comma
// separated), q (search), node, edge, cell (actor|issue), from, to, kinds, doc, pos.
const listeners = [];
let current = parse(location.hash);

function parse(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return Object.fromEntries(params.entries());
}

export function getState() { return { ...current }; }

// Merges `patch` (undefined/'' removes a key) and writes the URL. `push`
// adds a history entry (view changes), otherwise the entry is replaced.
export function setState(patch, { push = false, silent = false } = {}) {
  const next = { ...current, ...patch };
  for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === null || next[k] === '') delete next[k];
  const prev = current;
  current = next;
  const hash = `#${new URLSearchParams(next)}`;
  if (hash !== location.hash) history[push ? 'pushState' : 'replaceState'](null, '', hash);
  if (!silent) for (const fn of listeners) fn(current, prev);
}

export function onStateChange(fn) { listeners.push(fn); }

window.addEventListener('hashchange', () => {
  const prev = current;
  current = parse(location.hash);
  for (const fn of listeners) fn(current, prev);
});
window.addEventListener('popstate', () => {
  const prev = current;
  current = parse(location.hash);
  for (const fn of listeners) fn(current, prev);
});
