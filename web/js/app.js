// Entry point: loads the lists every view needs (rounds, actors, issues,
// documents), wires the tabs and renders the view named in the URL.
import { api } from './api.js';
import { getState, setState, onStateChange } from './state.js';
import { renderGraph, initGraphControls, setActorTypes, prefetchGraph } from './graph.js';
import { renderMatrix, setMatrixRounds, initMatrixControls } from './matrix.js';
import { initCompare, renderCompare } from './compare.js';
import { renderConflicts } from './conflicts.js';
import { renderDocuments, setDocumentList } from './documents.js';
import { setRoundNames, setDocuments, showPanelMessage, setCanonicalLabels } from './evidence.js';
import { initBanner, reportError, clearError } from './ui.js';
import { roundLabel, sortRounds, visibleRounds, renderTimeline } from './rounds.js';
import { setSearchLists } from './search.js';
import { initLangSwitch } from './lang.js';

const VIEWS = ['graph', 'matrix', 'compare', 'conflicts', 'documents'];
let rounds = [];
let ready = false;

function initTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => setState({ view: tab.dataset.view }, { push: true }));
    tab.addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(tab);
      const next = ev.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : ev.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
      if (next) { ev.preventDefault(); next.focus(); next.click(); }
    });
  }
  for (const select of document.querySelectorAll('.round-select')) {
    select.addEventListener('change', () => setState({ round: select.value, node: '', edge: '' }));
  }
}

// Round pickers: full names with place and date, in date order; rounds
// without positions only when asked for (state empty=1), or when chosen.
function fillRoundSelects(state) {
  const shown = visibleRounds(rounds, state.empty === '1');
  const current = state.round ?? '';
  const list = current && !shown.some((r) => r.id === current) ? sortRounds([...shown, ...rounds.filter((r) => r.id === current)]) : shown;
  for (const select of document.querySelectorAll('.round-select')) {
    select.replaceChildren();
    const all = document.createElement('option');
    all.value = '';
    all.textContent = 'All rounds';
    select.append(all);
    for (const r of list) {
      const o = document.createElement('option');
      o.value = r.id;
      o.textContent = roundLabel(r, { count: true });
      select.append(o);
    }
    select.value = current;
  }
}

async function loadLists() {
  const [r, actors, issues, docs] = await Promise.all([
    api('rounds'), api('actors'), api('issues'), api('documents'),
  ]);
  rounds = sortRounds(r.items ?? []);
  setRoundNames(Object.fromEntries(rounds.map((x) => [x.id, roundLabel(x)])));
  setMatrixRounds(rounds);
  initCompare(rounds);
  setActorTypes(Object.fromEntries((actors.items ?? []).map((a) => [a.id, a.type])));
  const labels = (list) => Object.fromEntries((list ?? []).map((x) => [x.id, x.label]));
  setCanonicalLabels({ actor: labels(actors.items), issue: labels(issues.items) });
  setSearchLists({ actors: actors.items ?? [], issues: issues.items ?? [] });
  setDocuments(Object.fromEntries((docs.items ?? []).map((d) => [d.id, d])));
  setDocumentList(docs.items ?? []);
}

async function render(state, prev = {}) {
  if (!ready) return;
  const view = VIEWS.includes(state.view) ? state.view : 'graph';
  for (const v of VIEWS) {
    document.getElementById(`view-${v}`).hidden = v !== view;
    document.getElementById(`tab-${v}`).setAttribute('aria-selected', String(v === view));
    document.getElementById(`tab-${v}`).tabIndex = v === view ? 0 : -1;
  }
  fillRoundSelects(state);
  if (view === 'graph') renderTimeline(document.getElementById('graph-timeline'), rounds, state);
  if (view === 'matrix') renderTimeline(document.getElementById('matrix-timeline'), rounds, state);
  if (view !== prev.view && !state.edge && !state.node && !state.cell && !state.pos) {
    showPanelMessage('Evidence', 'Click an edge in the graph, a cell of the matrix or a quote in a document to see the evidence behind it.');
  }
  // The comparison and the conflicts carry their evidence inline: give them the panel's width.
  if (view !== prev.view) document.body.classList.toggle('panel-closed', view === 'compare' || view === 'conflicts');
  if (view === 'graph') await renderGraph(state);
  else if (view === 'matrix') await renderMatrix(state);
  else if (view === 'compare') await renderCompare(state, rounds);
  else if (view === 'conflicts') await renderConflicts(state, rounds);
  else await renderDocuments(state);
  document.body.dataset.view = view;
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
}

async function start() {
  initLangSwitch();
  initBanner();
  initTabs();
  initGraphControls();
  initMatrixControls();
  document.getElementById('panel-close').addEventListener('click', () => document.body.classList.add('panel-closed'));
  onStateChange((s, prev) => render(s, prev));
  const initial = getState();
  if (!initial.view || initial.view === 'graph') prefetchGraph(initial.round ?? '');
  try {
    await loadLists();
    clearError();
  } catch (e) {
    reportError(e, () => location.reload());
  }
  ready = true;
  await render(getState());
  document.body.dataset.ready = 'true';
}

start();
