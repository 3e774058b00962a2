// Search across actors, issues, persons (speakers) and quote text, in any
// language of the corpus: a German word found in a German quote lights up
// the same canonical actor and issue nodes as its English counterpart.
// Matching ignores case and accents ("geneve" finds "Genève").
import { api } from './api.js';
import { el, evidenceCard, openPanel } from './evidence.js';

export function fold(s) {
  return String(s ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

export function setSearchLists({ actors, issues }) {
  const list = document.getElementById('search-list');
  list.replaceChildren();
  for (const x of [...actors, ...issues]) {
    const o = document.createElement('option');
    o.value = x.label || x.id;
    list.append(o);
  }
}

// Wraps every occurrence of `q` (folded) in the text nodes under `root` in
// <mark class="hit">. Folding keeps one code unit per letter for the
// scripts of the corpus, so folded offsets are the original offsets.
export function highlightHits(root, q) {
  const needle = fold(q);
  if (!needle) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) if (!walker.currentNode.parentElement?.closest('mark.hit')) nodes.push(walker.currentNode);
  let hits = 0;
  for (const node of nodes) {
    const text = node.nodeValue;
    const folded = fold(text);
    if (folded.length !== text.length) continue;  // a character folded to two: skip, never mis-mark
    let at = folded.indexOf(needle);
    if (at < 0) continue;
    const frag = document.createDocumentFragment();
    let from = 0;
    while (at >= 0) {
      frag.append(text.slice(from, at));
      const m = document.createElement('mark');
      m.className = 'hit';
      m.textContent = text.slice(at, at + needle.length);
      frag.append(m);
      hits++;
      from = at + needle.length;
      at = folded.indexOf(needle, from);
    }
    frag.append(text.slice(from));
    node.replaceWith(frag);
  }
  return hits;
}

// Finds `q` in the graph `cy` (node labels and ids) and in the positions of
// `round` (quotes and speakers). Returns { nodes, edges, positions, kinds }:
// the Cytoscape collections to light up and the matching positions.
export async function findAll(cy, q, round) {
  const t = fold(q.trim());
  const nodes = cy.nodes().filter((n) => fold(n.data('label')).includes(t) || fold(n.data('alt')).includes(t)
    || fold(n.data('key')) === t);
  // Quotes are searched on the server (case-insensitive substring) and by
  // speaker here; an accent-free query also tries the folded form.
  const found = await api('positions', { q: q.trim(), round, limit: 200 });
  const positions = [...(found.items ?? [])];
  const bySpeaker = positions.filter((p) => fold(p.speaker_label).includes(t) || fold(p.speaker) === t);
  const keys = new Set();
  const edgeKeys = new Set();
  for (const p of positions) {
    keys.add(`a:${p.actor}`);
    keys.add(`i:${p.issue}`);
    edgeKeys.add(`${p.actor}|${p.stance}|${p.issue}`);
  }
  const viaQuotes = cy.nodes().filter((n) => keys.has(n.id()));
  const edges = cy.edges().filter((e) => edgeKeys.has(`${e.source().data('key')}|${e.data('stance')}|${e.target().data('key')}`));
  return {
    nodes: nodes.union(viaQuotes), edges, positions,
    kinds: {
      actors: nodes.filter('.actor').length, issues: nodes.filter('.issue').length,
      people: new Set(bySpeaker.map((p) => p.speaker)).size, quotes: positions.length - bySpeaker.length,
    },
  };
}

// The panel listing what matched, with the term highlighted in each quote.
export function showResults(q, result, { onNode } = {}) {
  const body = openPanel(`Search “${q}”`);
  const { kinds } = result;
  body.append(el('p', 'muted search-summary',
    `${kinds.actors} actor(s), ${kinds.issues} issue(s), ${kinds.people} person(s), ${kinds.quotes} quote(s)`));
  const t = fold(q.trim());
  const named = result.nodes.filter((n) => fold(n.data('label')).includes(t) || fold(n.data('alt')).includes(t));
  if (named.nonempty()) {
    const list = el('ul', 'node-edges search-nodes');
    for (const n of named) {
      const li = el('li');
      const b = el('button', 'btn-link', `${n.data('label')} (${n.data('kind')})`);
      b.type = 'button';
      b.addEventListener('click', () => onNode?.(n.data('key')));
      li.append(b);
      list.append(li);
    }
    body.append(list);
  }
  for (const p of result.positions.slice(0, 50)) body.append(evidenceCard(p, { compact: true }));
  if (result.positions.length > 50) body.append(el('p', 'muted', `… and ${result.positions.length - 50} more quotes.`));
  highlightHits(body, q);
}
