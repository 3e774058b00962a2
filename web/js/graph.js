// The graph view: actors and issues joined by stance edges (Cytoscape.js,
// fCoSE layout). Selection, stance filter and search come from the URL state.
import { api } from './api.js';
import { STANCES, STANCE, renderLegend } from './stances.js';
import { el, showPositions, openPanel, showPanelMessage, roundName, canonicalLabel } from './evidence.js';
import { setState } from './state.js';
import { reportError, setStatus } from './ui.js';
import { exportSvg } from './svg_export.js';
import { findAll, showResults } from './search.js';
import { downloadSelection } from './download.js';
import { showTip, watchContainerMoves } from './graph_pointer.js';

const LARGE = 2000;  // elements above which the renderer trades quality for speed
const DRAFT = 600;  // elements above which the layout is spectral only (fCoSE draft)
const EVIDENCE_MAX = 25;
export const MAX_EDGES = 5000;  // whole-graph requests ask at most this many edges

let cy = null;
let loadedRound = null;  // round of the elements in cy (null: nothing loaded)
let edgesById = new Map();
let lastState = {};
let loadToken = 0;
let cyLarge = false;
let fcoseRegistered = false;
let actorTypes = {};
export function setActorTypes(types) { actorTypes = types; }
// A graph node's label comes from one of its positions and may be in that
// document's language: the canonical label (evidence.js) is shown instead.
export { canonicalLabel };

// Starts fetching the graph while the page loads its lists (first paint).
let prefetched = null;
export function prefetchGraph(round) {
  // index.html started the fetch before the scripts loaded; a failure there
  // is fetched again through api(), which reports it.
  const early = window.negographEarly;
  const promise = early && early.round === round
    ? early.promise.catch(() => api('graph', { round, limit: MAX_EDGES }))
    : api('graph', { round, limit: MAX_EDGES });
  promise.catch(() => {});  // reported when load() awaits it
  prefetched = { round, promise };
}

// The fCoSE layout scripts, loaded once on first use, in dependency order.
let fcoseLoading = null;
export function loadFcose() {
  if (!fcoseLoading) {
    const load = (src) => new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(s);
    });
    fcoseLoading = load('vendor/layout-base.js').then(() => load('vendor/cose-base.js'))
      .then(() => load('vendor/cytoscape-fcose.js'))
      .then(() => {
        if (window.cytoscapeFcose && !fcoseRegistered) { window.cytoscape.use(window.cytoscapeFcose); fcoseRegistered = true; }
      })
      .catch((e) => console.warn('negograph: fCoSE unavailable, using cose', e));
  }
  return fcoseLoading;
}

// Exposed for the browser tests: first paint time and element count.
window.negograph = window.negograph ?? {};

const nodeId = (kind, id) => `${kind === 'actor' ? 'a' : 'i'}:${id}`;

function style(large) {
  return [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 12, color: '#1d2433', 'min-zoomed-font-size': 5,
      'text-wrap': 'wrap', 'text-max-width': 130, 'font-family': 'system-ui, "DejaVu Sans", sans-serif',
    } },
    { selector: 'node.actor', style: {
      shape: 'ellipse', 'background-color': '#334a6e', width: 'mapData(weight, 1, 40, 22, 56)',
      height: 'mapData(weight, 1, 40, 22, 56)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-weight': 600,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
    } },
    { selector: 'node.actor.alliance, node.actor.organisation, node.actor.bloc', style: { 'background-color': '#5b6f94', shape: 'hexagon' } },
    { selector: 'node.issue', style: {
      shape: 'round-rectangle', 'background-color': '#eef2f7', 'border-width': 1.5, 'border-color': '#6b7a90',
      width: 'data(w)', height: 'data(h)', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 11.5,
    } },
    { selector: 'node.issue.open', style: {
      'background-color': '#fff7e6', 'border-color': '#b7791f', 'border-style': 'dashed', 'font-style': 'italic', color: '#6b4a12',
    } },
    { selector: 'edge', style: {
      width: 'mapData(count, 1, 10, 1.6, 6)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, 'curve-style': 'bezier',
      label: 'data(countLabel)', 'font-size': 10, color: '#374151', 'text-background-color': '#ffffff',
      'text-background-opacity': 0.9, 'text-background-padding': 1, 'min-zoomed-font-size': 8, opacity: 0.85,
    } },
    // Big graphs: cheaper labels (no wrapping, no backgrounds) and straight edges.
    ...(large ? [
      { selector: 'node', style: { 'text-wrap': 'none', 'text-background-opacity': 0, 'min-zoomed-font-size': 10 } },
      { selector: 'node.issue', style: { height: 18, 'border-width': 1 } },
      { selector: 'edge', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', label: '', width: 1.2 } },
    ] : []),
    ...STANCES.filter((x) => x.line !== 'solid').map((x) => ({ selector: `edge.stance-${x.id}`, style: { 'line-style': x.line } })),
    { selector: 'edge.stance-hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.13 } },
    { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#f0a500', 'border-style': 'solid' } },
    { selector: 'edge.match', style: { width: 4, opacity: 1, 'underlay-color': '#f0a500', 'underlay-opacity': 0.35, 'underlay-padding': 3 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1f5fbf', 'border-style': 'solid' } },
    { selector: 'edge:selected', style: { width: 6, opacity: 1, 'z-index': 10 } },
  ];
}

// Issue boxes fit their label (wrapped at 130 px); measured once per label.
const measure = document.createElement('canvas').getContext('2d');
function labelBox(label) {
  measure.font = '11.5px system-ui, "DejaVu Sans", sans-serif';
  const width = Math.ceil(measure.measureText(label).width);
  const lines = Math.min(4, Math.ceil(width / 128));
  return { w: Math.min(130, width) + 16, h: 12 + 14 * lines };
}

const boxOf = (n) => (n.kind === 'issue' ? labelBox(canonicalLabel('issue', n.id, n.label)) : {});

function toElements(graph) {
  const els = [];
  for (const n of graph.nodes ?? []) {
    const classes = [n.kind, n.open ? 'open' : '', n.kind === 'actor' ? (actorTypes[n.id] ?? '') : ''].join(' ');
    const label = canonicalLabel(n.kind, n.id, n.label);
    els.push({ group: 'nodes', data: { id: nodeId(n.kind, n.id), key: n.id, kind: n.kind, label, alt: n.label || '',
      open: !!n.open, positions: n.positions ?? 0, ...boxOf(n), weight: Math.max(1, Math.min(40, n.positions ?? 1)) }, classes });
  }
  for (const e of graph.edges ?? []) {
    const s = STANCE[e.stance] ?? { color: '#6b7280', line: 'solid' };
    const count = e.count ?? e.position_ids?.length ?? 1;
    els.push({ group: 'edges', data: { id: `e:${e.id}`, key: e.id, source: nodeId('actor', e.source),
      target: nodeId('issue', e.target), stance: e.stance, color: s.color, line: s.line, count,
      countLabel: count > 1 ? `×${count}` : '', positionIds: e.position_ids ?? [], rounds: e.rounds ?? [] },
      classes: `stance-${e.stance}` });
    edgesById.set(e.id, e);
  }
  return els;
}

// Up to DRAFT elements: fCoSE at full quality. Above: a concentric layout
// (hubs in the middle, linear time) paints first; up to LARGE elements the
// fCoSE draft (spectral) layout refines it after the first paint.
async function runLayout() {
  const n = cy.elements().length;
  const fcose = () => (fcoseRegistered ? 'fcose' : 'cose');
  let done;
  if (n <= DRAFT) {
    await loadFcose();
    done = run({ name: fcose(), quality: 'default', randomize: true, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: 9000, idealEdgeLength: 110, nodeSeparation: 80 });
  } else {
    done = run({ name: 'concentric', concentric: (node) => node.degree(), levelWidth: () => 2, minNodeSpacing: 6 });
  }
  return done;
}

// After the first paint of a big graph (up to LARGE elements): the fCoSE
// draft layout refines the rings once the page is idle.
function refineLater() {
  const n = cy.elements().length;
  if (n <= DRAFT || n > LARGE) return;
  const mine = cy;
  setTimeout(async () => {
    await loadFcose();
    if (mine !== cy || cy.elements().length !== n) return;
    run({ name: fcoseRegistered ? 'fcose' : 'cose', quality: 'draft', randomize: true, packComponents: false,
      nodeRepulsion: 9000, idealEdgeLength: 110 });
  }, 200);
}

function run(options) {
  return new Promise((resolve) => {
    const layout = cy.layout({ animate: false, fit: true, padding: 30, ...options });
    layout.one('layoutstop', resolve);
    layout.run();
  });
}

// Renderer options are fixed when Cytoscape is constructed, so the instance
// is rebuilt when a graph crosses the DRAFT threshold.
function ensureCy(large) {
  if (cy && cyLarge === large) return;
  if (!window.cytoscape) throw new Error('the graph library (web/vendor/cytoscape.min.js) did not load');
  cy?.destroy();
  cyLarge = large;
  cy = window.cytoscape({
    container: document.getElementById('cy'), style: style(large), minZoom: 0.05, maxZoom: 4,
    boxSelectionEnabled: false,
    textureOnViewport: large, hideEdgesOnViewport: large, motionBlur: false, pixelRatio: large ? 1 : 'auto',
  });
  window.negograph.cy = cy;
  watchContainerMoves(cy);
  cy.on('tap', 'node', (ev) => setState({ node: ev.target.data('key'), edge: '', q: '' }));
  cy.on('tap', 'edge', (ev) => setState({ edge: ev.target.data('key'), node: '' }));
  cy.on('tap', (ev) => { if (ev.target === cy) setState({ node: '', edge: '' }); });
  // A hover tip says what an element is before anyone clicks it.
  cy.on('mouseover', 'node, edge', (ev) => showTip(ev.target, ev.renderedPosition));
  cy.on('mouseout', 'node, edge', () => showTip(null));
  cy.on('viewport tap', () => showTip(null));
}

function message(html) {
  const box = document.getElementById('graph-message');
  if (html === null) { box.hidden = true; return; }
  box.innerHTML = html;
  box.hidden = false;
}

async function load(round) {
  const token = ++loadToken;
  const t0 = performance.now();
  const early = prefetched?.round === round ? prefetched.promise : null;
  prefetched = null;  // used once: a retry after an error fetches anew
  const graph = await (early ?? api('graph', { round, limit: MAX_EDGES }));
  if (token !== loadToken) return false;
  const tFetched = performance.now();
  edgesById = new Map();
  const els = toElements(graph);
  ensureCy(els.length > DRAFT);
  cy.batch(() => { cy.elements().remove(); cy.add(els); });
  loadedRound = round ?? '';
  if (!els.length) {
    message(round
      ? `No positions in round <b>${escapeHtml(roundName(round))}</b>. Choose another round or “All rounds”.`
      : 'The store is empty: no positions yet. Ingest documents with <code>negograph ingest data/demo --db …</code> or <code>POST /api/v1/documents</code>, then reload.');
    return true;
  }
  message(null);
  const tAdded = performance.now();
  await runLayout();
  const tLaidOut = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const painted = performance.now();
  if (window.negograph.firstGraphPaint === undefined) window.negograph.firstGraphPaint = painted;
  refineLater();
  window.negograph.lastGraphLoad = { elements: els.length, nodes: cy.nodes().length, edges: cy.edges().length,
    ms: painted - t0, paintedAt: painted, fetchMs: tFetched - t0, addMs: tAdded - tFetched, layoutMs: tLaidOut - tAdded,
    paintMs: painted - tLaidOut };
  const capped = (graph.edges?.length ?? 0) >= MAX_EDGES ? ` (first ${MAX_EDGES} edges: choose a round or search to narrow)` : '';
  const positions = cy.edges().reduce((n, e) => n + (e.data('count') ?? 1), 0);
  setStatus(`${cy.nodes('.actor').length} actors · ${cy.nodes('.issue').length} issues · ${positions} positions in ${cy.edges().length} stance edges${capped}`);
  return true;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

function hiddenStances(state) { return new Set((state.hide ?? '').split(',').filter(Boolean)); }

function applyFilter(state) {
  const hidden = hiddenStances(state);
  cy.batch(() => {
    for (const s of STANCES) cy.edges(`.stance-${s.id}`)[hidden.has(s.id) ? 'addClass' : 'removeClass']('stance-hidden');
  });
  // Positions, as the CLI counts them; the stance edges that fold them in the title.
  const counts = {};
  const titles = {};
  for (const s of STANCES) {
    const edges = cy.edges(`.stance-${s.id}`);
    counts[s.id] = edges.reduce((n, e) => n + (e.data('count') ?? 1), 0);
    titles[s.id] = `${counts[s.id]} ${s.id} position(s) in ${edges.length} stance edge(s); click to show or hide`;
  }
  renderLegend(document.getElementById('legend'), { hidden, counts, titles, onToggle: (id) => {
    const h = hiddenStances(lastState);
    if (h.has(id)) h.delete(id); else h.add(id);
    setState({ hide: [...h].join(',') });
  } });
}

function clearHighlight() {
  cy.batch(() => { cy.elements().removeClass('faded match'); cy.elements().unselect(); });
}

function highlight(collection) {
  cy.batch(() => {
    cy.elements().addClass('faded');
    collection.removeClass('faded');
  });
}

async function selectNode(key, round) {
  let node = cy.getElementById(nodeId('actor', key));
  if (node.empty()) node = cy.getElementById(nodeId('issue', key));
  // Expand: the neighbourhood from the API, merging what the view lacks.
  const sub = await api('graph', { node: key, depth: 1, round });
  const fresh = toElements(sub).filter((e) => cy.getElementById(e.data.id).empty());
  if (fresh.length) {
    const at = node.nonempty() ? node.position() : { x: 0, y: 0 };
    cy.add(fresh.map((e) => (e.group === 'nodes'
      ? { ...e, position: { x: at.x + (Math.random() - 0.5) * 160, y: at.y + (Math.random() - 0.5) * 160 } } : e)));
    if (node.empty()) { node = cy.getElementById(nodeId('actor', key)); if (node.empty()) node = cy.getElementById(nodeId('issue', key)); }
    applyFilter(lastState);
  }
  if (node.empty()) { showPanelMessage('Not found', `No node “${key}” in this view.`); return; }
  const hood = node.closedNeighborhood();
  highlight(hood);
  node.select();
  cy.animate({ fit: { eles: hood, padding: 60 }, duration: 250 });
  const body = openPanel(node.data('label'));
  body.append(el('p', 'muted', `${node.data('kind') === 'actor' ? 'Actor' : node.data('open') ? 'Open-vocabulary issue' : 'Issue'} · ${node.data('positions')} positions`));
  const list = el('ul', 'node-edges');
  for (const e of node.connectedEdges().sort((a, b) => a.data('stance').localeCompare(b.data('stance')))) {
    const li = el('li');
    const b = el('button', 'btn-link', `${e.source().data('label')} ${e.data('stance')} ${e.target().data('label')}${e.data('count') > 1 ? ` (${e.data('count')})` : ''}`);
    b.type = 'button';
    b.style.color = STANCE[e.data('stance')]?.color;
    b.addEventListener('click', () => setState({ edge: e.data('key'), node: '' }));
    li.append(b);
    list.append(li);
  }
  body.append(el('h3', '', 'Stances'), list);
}

async function selectEdge(key) {
  const edge = cy.getElementById(`e:${key}`);
  const data = edgesById.get(key);
  if (edge.empty() || !data) { showPanelMessage('Not found', `No edge “${key}” in this view.`); return; }
  highlight(edge.union(edge.connectedNodes()));
  edge.select();
  const ids = data.position_ids ?? [];
  const positions = ids.length
    ? await Promise.all(ids.slice(0, EVIDENCE_MAX).map((id) => api(`positions/${encodeURIComponent(id)}`)))
    : (await api('positions', { actor: data.source, issue: data.target, stance: data.stance, limit: EVIDENCE_MAX })).items;
  const title = `${edge.source().data('label')} ${data.stance} ${edge.target().data('label')}`;
  showPositions(title, positions, { subtitle: `${ids.length || positions.length} position(s) · rounds: ${(data.rounds ?? []).map(roundName).join(', ') || '—'}`,
    more: Math.max(0, ids.length - EVIDENCE_MAX) });
}

async function search(q, round) {
  const result = await findAll(cy, q, round);
  if (result.nodes.empty()) { setStatus(`No match for “${q}”`); clearHighlight(); showResults(q, result); return; }
  highlight(result.nodes.closedNeighborhood().union(result.edges));
  cy.batch(() => { result.nodes.addClass('match'); result.edges.addClass('match'); });
  cy.animate({ fit: { eles: result.nodes.closedNeighborhood(), padding: 60 }, duration: 250 });
  showResults(q, result, { onNode: (key) => setState({ node: key, q: '' }) });
  const k = result.kinds;
  const via = k.actors + k.issues === 0 ? (k.people ? ' (via speaker)' : ' (via quotes)') : '';
  setStatus(`${result.nodes.length} match${result.nodes.length > 1 ? 'es' : ''} for “${q}”${via}`);
}

// Brings the view in line with `state` (called on every URL change while
// the graph tab is shown).
export async function renderGraph(state) {
  lastState = state;
  try {
    const round = state.round ?? '';
    if (loadedRound !== round) {
      const switched = loadedRound !== null;
      if (!(await load(round))) return;
      // The panel must not keep the quotes of the round shown before.
      if (switched && !state.edge && !state.node && !state.q) {
        showPanelMessage('Evidence', `Round: ${roundName(round) === 'no round' ? 'all rounds' : roundName(round)}. Click an edge or a node for the quotes behind it.`);
      }
    } else {
      cy.resize();
    }
    if (!cy) return;
    applyFilter(state);
    clearHighlight();
    if (state.edge) await selectEdge(state.edge);
    else if (state.node) await selectNode(state.node, round);
    else if (state.q) await search(state.q, round);
    document.getElementById('search').value = state.q ?? '';
  } catch (e) {
    reportError(e);
    if (!cy || cy.elements().empty()) message(`Could not load the graph: ${escapeHtml(e.detail ?? e.message)}`);
  }
}

export function initGraphControls() {
  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    setState({ q: document.getElementById('search').value.trim(), node: '', edge: '' });
  });
  document.getElementById('graph-fit').addEventListener('click', () => cy?.fit(cy.elements(':visible'), 30));
  document.getElementById('graph-clear').addEventListener('click', () => setState({ q: '', node: '', edge: '' }));
  document.getElementById('export-png').addEventListener('click', () => {
    if (!cy) return;
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    download(blob, 'negograph.png');
  });
  document.getElementById('export-svg').addEventListener('click', () => {
    if (!cy) return;
    download(new Blob([exportSvg(cy)], { type: 'image/svg+xml' }), 'negograph.svg');
  });
  for (const format of ['csv', 'graphml', 'json']) {
    document.getElementById(`download-${format}`).addEventListener('click', () => {
      if (cy) downloadSelection(cy, format, lastState, edgesById, download);
    });
  }
}

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function graphLoadedRound() { return loadedRound; }
