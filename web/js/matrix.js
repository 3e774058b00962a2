// The position matrix: actors x issues, each cell the stances per round;
// a click shows the quotes behind the cell.
import { api } from './api.js';
import { MAX_EDGES } from './graph.js';
import { renderLegend, stanceSymbol, STANCES } from './stances.js';
import { el, showPositions, roundName } from './evidence.js';
import { setState } from './state.js';
import { reportError, setStatus } from './ui.js';

const MAX_ROWS = 60;
const MAX_COLS = 60;
let loadedRound = null;
let rounds = [];
let tags = {};
// Short round tags for cells: the place, with the date when several rounds
// share a place or a round has several places ("Geneva 01-21", "2022-01-26").
export function setMatrixRounds(list) {
  rounds = list;
  const perPlace = {};
  for (const r of list) perPlace[r.place] = (perPlace[r.place] ?? 0) + 1;
  tags = Object.fromEntries(list.map((r) => {
    const single = r.place && !r.place.includes(',');
    const date = (r.date_from ?? '').slice(5);
    return [r.id, single ? (perPlace[r.place] > 1 && date ? `${r.place} ${date}` : r.place) : (r.date_from || r.id)];
  }));
}

function shortRound(id) {
  return tags[id] ?? (id || '—');
}

async function build(round) {
  const graph = await api('graph', { round, limit: MAX_EDGES });
  const container = document.getElementById('matrix');
  container.replaceChildren();
  if (!graph.edges?.length) {
    container.append(el('div', 'empty', round ? `No positions in round ${roundName(round)}.` : 'The store is empty: no positions to tabulate yet.'));
    return;
  }
  const actors = graph.nodes.filter((n) => n.kind === 'actor').sort((a, b) => b.positions - a.positions || a.label.localeCompare(b.label));
  const issues = graph.nodes.filter((n) => n.kind === 'issue').sort((a, b) => b.positions - a.positions || a.label.localeCompare(b.label));
  const rowList = actors.slice(0, MAX_ROWS);
  const colList = issues.slice(0, MAX_COLS);
  // cell key -> round -> Set(stance)
  const cells = new Map();
  for (const e of graph.edges) {
    const key = `${e.source}|${e.target}`;
    const perRound = cells.get(key) ?? new Map();
    // With a round filter the API returns that round's edges only.
    const rs = round ? [round] : (e.rounds?.length ? e.rounds : ['']);
    for (const r of rs) {
      const set = perRound.get(r) ?? new Set();
      set.add(e.stance);
      perRound.set(r, set);
    }
    cells.set(key, perRound);
  }
  const order = (r) => { const i = rounds.findIndex((x) => x.id === r); return i < 0 ? 1e9 : i; };
  const table = el('table', 'matrix');
  table.setAttribute('aria-label', 'Positions: actors by issues');
  const head = el('tr');
  head.append(el('th', '', 'actor \\ issue'));
  for (const i of colList) {
    const th = el('th', i.open ? 'open' : '', i.label);
    th.scope = 'col';
    th.title = i.open ? `${i.label} (open-vocabulary issue)` : i.label;
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
        const parts = [];
        for (const [r, set] of [...perRound.entries()].sort((x, y) => order(x[0]) - order(y[0]))) {
          const line = el('span', 'cell-round');
          line.append(el('span', 'rtag', shortRound(r)));
          for (const s of STANCES) if (set.has(s.id)) line.append(stanceSymbol(s.id, `${s.id} in ${roundName(r)}`));
          b.append(line);
          parts.push(`${roundName(r)}: ${[...set].join(', ')}`);
        }
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
  if (actors.length > MAX_ROWS || issues.length > MAX_COLS) {
    container.append(el('p', 'matrix-note', `Showing the ${rowList.length} actors and ${colList.length} issues with most positions (of ${actors.length} and ${issues.length}).`));
  }
  setStatus(`${actors.length} actors × ${issues.length} issues`);
}

export async function renderMatrix(state) {
  try {
    renderLegend(document.getElementById('matrix-legend'), { symbols: true });
    const round = state.round ?? '';
    if (loadedRound !== round) {
      await build(round);
      loadedRound = round;
    }
    for (const b of document.querySelectorAll('.cell.selected')) b.classList.remove('selected');
    if (state.cell) {
      const [actor, issue] = state.cell.split('|');
      const cell = document.querySelector(`.cell[data-actor="${CSS.escape(actor)}"][data-issue="${CSS.escape(issue)}"]`);
      cell?.classList.add('selected');
      const { items } = await api('positions', { actor, issue, round, limit: 100 });
      const title = items.length ? `${items[0].actor_label} on ${items[0].issue_label}` : `${actor} on ${issue}`;
      showPositions(title, items, { subtitle: `${items.length} position(s)${round ? ` in ${roundName(round)}` : ''}` });
    }
  } catch (e) {
    reportError(e);
  }
}
