// Downloads of the current selection: the server's own exports (the same
// files as `negograph export`, docs/exports.md) for the round shown, cut to
// the stance edges on screen: stances hidden in the legend are left out, and
// while a search or a selection highlights part of the graph, only that part.
import { apiText } from './api.js';

// Stance edges in the selection, as "actor|stance|issue" keys.
export function selectedEdges(cy) {
  const highlighted = cy.elements('.faded').nonempty();
  return cy.edges().filter((e) => !e.hasClass('stance-hidden') && (!highlighted || !e.hasClass('faded')));
}

const edgeKey = (actor, stance, issue) => `${actor}|${stance}|${issue}`;

// RFC 4180 records (quoted fields may hold commas, quotes and newlines).
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// The CSV edge file with only the rows (positions) of selected edges.
function filterCsv(text, keys) {
  // Records may span lines (quotes with newlines): parse, then write again.
  const rows = parseCsv(text);
  const kept = [text.slice(0, text.indexOf('\r\n'))];
  const cols = rows[0] ?? [];
  const [s, t, st] = [cols.indexOf(':START_ID'), cols.indexOf(':END_ID'), cols.indexOf('stance')];
  const quote = (f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  for (const r of rows.slice(1)) {
    if (r.length < cols.length) continue;
    const actor = r[s].replace(/^actor:/, ''), issue = r[t].replace(/^issue:/, '');
    if (keys.has(edgeKey(actor, r[st], issue))) kept.push(r.map(quote).join(','));
  }
  return `${kept.join('\r\n')}\r\n`;
}

// The GraphML file with only the selected edges and the nodes they touch.
function filterGraphMl(text, keys) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const data = (node, key) => node.querySelector(`data[key="${key}"]`)?.textContent ?? '';
  const used = new Set();
  for (const edge of [...doc.getElementsByTagName('edge')]) {
    const actor = edge.getAttribute('source').replace(/^actor:/, ''), issue = edge.getAttribute('target').replace(/^issue:/, '');
    if (keys.has(edgeKey(actor, data(edge, 'stance'), issue))) {
      used.add(edge.getAttribute('source'));
      used.add(edge.getAttribute('target'));
    } else {
      edge.remove();
    }
  }
  for (const node of [...doc.getElementsByTagName('node')]) if (!used.has(node.getAttribute('id'))) node.remove();
  return new XMLSerializer().serializeToString(doc);
}

export async function downloadSelection(cy, format, state, edgesById, save) {
  const edges = selectedEdges(cy);
  const keys = new Set(edges.map((e) => edgeKey(e.source().data('key'), e.data('stance'), e.target().data('key'))));
  const round = state.round ?? '';
  const stem = `negograph${round ? `-${round}` : ''}-selection`;
  if (format === 'json') {
    // The shape of GET /api/v1/graph, plus what the selection was.
    const nodes = edges.connectedNodes().map((n) => ({ id: n.data('key'), kind: n.data('kind'), label: n.data('label'),
      open: n.data('open'), positions: n.data('positions') }));
    const out = { selection: { round, hidden_stances: (state.hide ?? '').split(',').filter(Boolean), query: state.q ?? '',
      node: state.node ?? '', edge: state.edge ?? '' },
    nodes, edges: edges.map((e) => edgesById.get(e.data('key'))).filter(Boolean) };
    save(new Blob([JSON.stringify(out, null, 2)], { type: 'application/json' }), `${stem}.json`);
    return;
  }
  const text = await apiText('export', { format: format === 'csv' ? 'csv-edges' : 'graphml', round });
  const body = format === 'csv' ? filterCsv(text, keys) : filterGraphMl(text, keys);
  save(new Blob([body], { type: format === 'csv' ? 'text/csv' : 'application/graphml+xml' }), `${stem}.${format === 'csv' ? 'csv' : 'graphml'}`);
}

