// The position matrix: actors × issues, each cell the stances of the actor
// on the issue (all rounds, or the round chosen on the timeline). Built to
// fit 30 issues in a 1280 px window: vertical column heads, symbol-only
// cells, sticky heads, empty columns collapsed, issues filterable. A click
// on a cell shows its quotes for the round shown, and stays selected while
// the timeline steps through the rounds.
import { api } from './api.js';
import { MAX_EDGES, canonicalLabel } from './graph.js';
import { renderLegend, stanceSymbol, STANCES } from './stances.js';
import { el, showPositions, roundName, showPanelMessage } from './evidence.js';
import { setState, getState } from './state.js';
import { reportError, setStatus } from './ui.js';
import { fold } from './search.js';

const MAX_ROWS = 60;
const MAX_COLS = 80;
let loadedRound = null;
let graph = null;
let rounds = [];
let builtKey = null;
let shownCell = null;  // "round|actor|issue" whose quotes the panel shows

export function setMatrixRounds(list) { rounds = list; }

export function initMatrixControls() {
  const input = document.getElementById('matrix-filter');
  input.addEventListener('input', () => setState({ mq: input.value }));
}

function build(round, filter) {
  const container = document.getElementById('matrix');
  container.replaceChildren();
  if (!graph.edges?.length) {
    container.append(el('div', 'empty', round ? `No positions in round ${roundName(round)}.` : 'The store is empty: no positions to tabulate yet.'));
    return;
  }
  const byCount = (a, b) => b.positions - a.positions || a.label.localeCompare(b.label);
  const nodes = graph.nodes.map((n) => ({ ...n, label: canonicalLabel(n.kind, n.id, n.label) }));
  const actors = nodes.filter((n) => n.kind === 'actor').sort(byCount);
  const rowList = actors.slice(0, MAX_ROWS);
  const rowIds = new Set(rowList.map((a) => a.id));
  // cell key -> round -> Set(stance); columns are issues with a cell in a shown row.
  const cells = new Map();
  const used = new Set();
  for (const e of graph.edges) {
    if (!rowIds.has(e.source)) continue;
    used.add(e.target);
    const key = `${e.source}|${e.target}`;
    const perRound = cells.get(key) ?? new Map();
    const rs = round ? [round] : (e.rounds?.length ? e.rounds : ['']);
    for (const r of rs) perRound.set(r, (perRound.get(r) ?? new Set()).add(e.stance));
    cells.set(key, perRound);
  }
  const f = fold(filter ?? '');
  const issues = nodes.filter((n) => n.kind === 'issue' && used.has(n.id)).sort(byCount);
  const matching = issues.filter((i) => !f || fold(`${i.label} ${i.id}`).includes(f));
  const colList = matching.slice(0, MAX_COLS);
  const order = (r) => { const i = rounds.findIndex((x) => x.id === r); return i < 0 ? 1e9 : i; };
  const table = el('table', 'matrix');
  table.setAttribute('aria-label', 'Positions: actors by issues');
  const head = el('tr');
  head.append(el('th', 'corner', 'actor \\ issue'));
  for (const i of colList) {
    const th = el('th', `col-head${i.open ? ' open' : ''}`);
    th.scope = 'col';
    th.title = i.open ? `${i.label} (open-vocabulary issue)` : i.label;
    th.dataset.issue = i.id;
    th.append(el('span', 'vlabel', i.label));
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const a of rowList) {
    const tr = el('tr');
    const th = el('th', '', a.label);
    th.scope = 'row';
    tr.append(th);
    for (const i of colList) {
      const td = el('td');
      const perRound = cells.get(`${a.id}|${i.id}`);
      if (perRound) {
        const b = el('button', 'cell');
        b.type = 'button';
        b.dataset.actor = a.id;
        b.dataset.issue = i.id;
        const all = new Set();
        const parts = [];
        for (const [r, set] of [...perRound.entries()].sort((x, y) => order(x[0]) - order(y[0]))) {
          for (const s of set) all.add(s);
          parts.push(`${roundName(r)}: ${[...set].join(', ')}`);
        }
        for (const s of STANCES) if (all.has(s.id)) b.append(stanceSymbol(s.id, s.id));
        b.title = `${a.label} on ${i.label}\n${parts.join('\n')}`;
        b.setAttribute('aria-label', `${a.label} on ${i.label}: ${parts.join('; ')}`);
        b.addEventListener('click', () => setState({ cell: `${a.id}|${i.id}` }));
        td.append(b);
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  container.append(table);
  const notes = [];
  if (actors.length > MAX_ROWS) notes.push(`the ${rowList.length} actors with most positions (of ${actors.length})`);
  if (issues.length > colList.length) notes.push(`${colList.length} of ${issues.length} issues${f ? ` matching “${filter}”` : ''}`);
  if (notes.length) container.append(el('p', 'matrix-note', `Showing ${notes.join('; ')}.`));
  setStatus(`${rowList.length} actors × ${colList.length} issues`);
}

async function showCell(state, round) {
  const key = `${round}|${state.cell ?? ''}`;
  for (const b of document.querySelectorAll('.cell.selected')) b.classList.remove('selected');
  if (!state.cell) {
    // The panel must not keep the quotes of a cell no longer selected.
    if (shownCell) showPanelMessage('Evidence', 'Click a cell of the matrix to see the quotes behind it.');
    shownCell = null;
    return;
  }
  const [actor, issue] = state.cell.split('|');
  const cell = document.querySelector(`.cell[data-actor="${CSS.escape(actor)}"][data-issue="${CSS.escape(issue)}"]`);
  cell?.classList.add('selected');
  if (shownCell === key) return;
  shownCell = key;
  const { items } = await api('positions', { actor, issue, round, limit: 100 });
  if (shownCell !== key) return;  // another cell or round was chosen meanwhile
  const title = `${canonicalLabel('actor', actor, items[0]?.actor_label)} on ${canonicalLabel('issue', issue, items[0]?.issue_label)}`;
  showPositions(title, items, { subtitle: `${items.length} position(s) ${round ? `in ${roundName(round)}` : 'in all rounds'}` });
  document.getElementById('panel-body').dataset.round = round;
}

export async function renderMatrix(state) {
  try {
    renderLegend(document.getElementById('matrix-legend'), { symbols: true });
    const round = state.round ?? '';
    const input = document.getElementById('matrix-filter');
    if (document.activeElement !== input) input.value = state.mq ?? '';
    if (loadedRound !== round) {
      graph = await api('graph', { round, limit: MAX_EDGES });
      loadedRound = round;
      builtKey = null;
    }
    if (getState().round !== state.round) return;  // a later render owns the view
    const key = `${round}|${state.mq ?? ''}`;
    if (builtKey !== key) {
      build(round, state.mq);
      builtKey = key;
    }
    await showCell(state, round);
  } catch (e) {
    reportError(e);
  }
}
