// Round comparison as a compact table: one row per actor × issue with the
// stances before → after and the kind of change (docs/analysis.md); a row
// expands to the quotes of both rounds side by side.
import { api } from './api.js';
import { stanceSymbol } from './stances.js';
import { el, evidenceCard, canonicalLabel } from './evidence.js';
import { setState } from './state.js';
import { reportError, setStatus } from './ui.js';
import { roundLabel, visibleRounds } from './rounds.js';

// In the order the table lists them: what moved first.
export const KINDS = ['reversed', 'hardened', 'softened', 'shifted', 'new', 'not_reported', 'unchanged'];
const LABEL = { not_reported: 'not reported in this round' };
const HINT = {
  reversed: 'the side flipped: support ↔ opposition (e.g. accept → reject)',
  hardened: 'a harder stance on the scale accept < offer = assure < demand < reject < threaten',
  softened: 'a softer stance on the scale accept < offer = assure < demand < reject < threaten',
  shifted: 'other stances of the same hardness (offer ↔ assure)',
  new: 'positions only in the later round',
  not_reported: 'positions only in the earlier round: the later round’s reports do not mention them',
  unchanged: 'the same stances in both rounds',
};
export const kindLabel = (k) => LABEL[k] ?? k;

let loadedKey = null;
let data = null;

function stances(list) {
  const span = el('span', 'stances');
  if (!list?.length) span.append(el('span', 'muted', '—'));
  for (const s of list ?? []) span.append(stanceSymbol(s), ' ');
  return span;
}

function side(title, evidence) {
  const box = el('div', 'side');
  box.append(el('h4', '', title));
  if (!evidence?.length) box.append(el('p', 'muted', 'No position reported in this round.'));
  for (const p of evidence ?? []) box.append(evidenceCard(p, { compact: true }));
  return box;
}

function shownKinds(state) {
  return new Set(state.kinds ? state.kinds.split(',') : KINDS);
}

const rowKey = (c) => `${c.actor}|${c.issue}`;

function render(state) {
  const container = document.getElementById('compare');
  // The chips are rebuilt: keep keyboard focus on the same kind's chip.
  const focusedKind = document.activeElement?.closest?.('#compare .chip')?.dataset.kind;
  container.replaceChildren();
  if (!data) return;
  const shown = shownKinds(state);
  const chips = el('div', 'chips summary');
  chips.setAttribute('role', 'group');
  chips.setAttribute('aria-label', 'Kinds of change (filters: click to show or hide)');
  for (const k of KINDS) {
    const n = data.changes.filter((c) => c.kind === k).length;
    const chip = el('button', `chip kind-chip ${k}`);
    chip.type = 'button';
    chip.dataset.kind = k;
    chip.title = `${kindLabel(k)}: ${HINT[k]}. Click to show or hide.`;
    chip.setAttribute('aria-pressed', String(shown.has(k)));
    chip.append(el('span', 'check', shown.has(k) ? '✓' : ''), el('span', '', kindLabel(k)), el('span', 'count', String(n)));
    chip.addEventListener('click', () => {
      const next = shownKinds(state);
      if (next.has(k)) next.delete(k); else next.add(k);
      setState({ kinds: next.size === KINDS.length ? '' : [...next].join(',') || 'none' });
    });
    chips.append(chip);
  }
  container.append(chips);
  if (focusedKind) chips.querySelector(`[data-kind="${focusedKind}"]`)?.focus();
  const fromName = roundLabel(data.from) || state.from, toName = roundLabel(data.to) || state.to;
  const list = data.changes.filter((c) => shown.has(c.kind))
    .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  if (!list.length) {
    container.append(el('div', 'empty', data.changes.length ? 'No change of the selected kinds.' : 'Neither round has positions.'));
    return;
  }
  const open = new Set((state.open ?? '').split(',').filter(Boolean));
  const table = el('table', 'compare-table');
  const cap = el('caption', '', `${fromName} → ${toName}`);
  const head = el('tr');
  for (const [text, cls] of [['', 'col-toggle'], ['Actor', ''], ['Issue', ''], ['Before', 'col-stance'], ['', 'col-arrow'], ['After', 'col-stance'], ['Change', '']]) {
    const th = el('th', cls, text);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const c of list) {
    const key = rowKey(c);
    const isOpen = open.has(key);
    const tr = el('tr', `change-row ${c.kind}`);
    tr.dataset.kind = c.kind;
    tr.dataset.key = key;
    const toggle = el('button', 'row-toggle', isOpen ? '▾' : '▸');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', String(isOpen));
    toggle.setAttribute('aria-label', `Quotes of ${canonicalLabel('actor', c.actor, c.actor_label)} on ${canonicalLabel('issue', c.issue, c.issue_label)}`);
    const flip = () => {
      const next = new Set(open);
      if (next.has(key)) next.delete(key); else next.add(key);
      setState({ open: [...next].join(',') });
    };
    toggle.addEventListener('click', (ev) => { ev.stopPropagation(); flip(); });
    tr.addEventListener('click', flip);
    const td = (child, cls = '') => { const d = el('td', cls); d.append(child); return d; };
    tr.append(td(toggle), td(el('span', 'actor', canonicalLabel('actor', c.actor, c.actor_label))), td(el('span', '', canonicalLabel('issue', c.issue, c.issue_label))),
      td(stances(c.from_stances), 'col-stance'), td(el('span', 'muted', '→'), 'col-arrow'), td(stances(c.to_stances), 'col-stance'),
      td(el('span', `kind ${c.kind}`, kindLabel(c.kind))));
    tr.title = HINT[c.kind];
    tbody.append(tr);
    if (isOpen) {
      const detail = el('tr', 'change-detail');
      const cell = el('td');
      cell.colSpan = 7;
      const sides = el('div', 'sides');
      sides.append(side(fromName, c.from_evidence), side(toName, c.to_evidence));
      cell.append(sides);
      detail.append(cell);
      tbody.append(detail);
    }
  }
  table.append(cap, thead, tbody);
  container.append(table);
  setStatus(`${data.changes.length} actor-issue pairs compared`);
}

function fillSelects(rounds, showEmpty) {
  const from = document.getElementById('compare-from');
  const to = document.getElementById('compare-to');
  for (const select of [from, to]) {
    const value = select.value;
    select.replaceChildren();
    for (const r of visibleRounds(rounds, showEmpty)) {
      const o = el('option', '', roundLabel(r, { count: true }));
      o.value = r.id;
      select.append(o);
    }
    if (value) select.value = value;
  }
}

let formBound = false;
export function initCompare(rounds) {
  fillSelects(rounds, false);
  if (formBound) return;
  formBound = true;
  document.getElementById('compare-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    setState({ from: document.getElementById('compare-from').value, to: document.getElementById('compare-to').value, open: '' });
  });
}

export async function renderCompare(state, rounds) {
  const container = document.getElementById('compare');
  const usable = visibleRounds(rounds, state.empty === '1');
  fillSelects(rounds, state.empty === '1');
  if (usable.length < 2) {
    container.replaceChildren(el('div', 'empty', usable.length ? 'Only one round with positions in the store: nothing to compare.' : 'No rounds in the store yet.'));
    return;
  }
  // Default: the first two rounds (by date) with positions.
  const fromId = state.from || usable[0].id;
  const toId = state.to || usable.find((r) => r.id !== fromId)?.id || usable[1].id;
  document.getElementById('compare-from').value = fromId;
  document.getElementById('compare-to').value = toId;
  try {
    const key = `${fromId}|${toId}`;
    if (loadedKey !== key) {
      data = await api('compare', { from: fromId, to: toId });
      loadedKey = key;
    }
    render({ ...state, from: fromId, to: toId });
  } catch (e) {
    data = null;
    loadedKey = null;
    container.replaceChildren(el('div', 'empty', `Could not compare: ${e.detail ?? e.message}`));
    reportError(e);
  }
}
