// The evidence panel: the quotes behind an edge, a matrix cell or a node,
// each with cue, actor and issue marked and the facts an analyst checks.
import { renderQuote } from './text.js';
import { stanceSymbol } from './stances.js';
import { setState } from './state.js';

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
export { el };

let roundNames = {};
let documents = {};
export function setRoundNames(names) { roundNames = names; }
export function setDocuments(byId) { documents = byId; }
export function roundName(id) { return id ? (roundNames[id] ?? id) : 'no round'; }
export function documentOf(id) { return documents[id]; }
// Canonical labels (GET /actors, /issues): a position's labels come from
// its document and may be in that document's language.
let canonical = { actor: {}, issue: {} };
export function setCanonicalLabels(labels) { canonical = labels; }
export function canonicalLabel(kind, id, fallback) { return canonical[kind]?.[id] || fallback || id; }

// One position as a card: header (actor, stance, issue), quote, metadata.
export function evidenceCard(p, { compact = false } = {}) {
  const card = el('article', 'evidence');
  card.dataset.position = p.id;
  const head = el('div', 'evidence-head');
  head.append(el('span', '', canonicalLabel('actor', p.actor, p.actor_label)),
    stanceSymbol(p.stance, p.negated ? `${p.stance} (negated cue)` : p.stance),
    el('span', '', canonicalLabel('issue', p.issue, p.issue_label)));
  if (p.open_issue) head.append(el('span', 'muted', '(open issue)'));
  const quote = el('blockquote', 'quote');
  renderQuote(quote, p);
  card.append(head, quote);
  const meta = el('dl', 'meta');
  const row = (k, v) => { if (v === undefined || v === null || v === '') return; meta.append(el('dt', '', k), el('dd', '', String(v))); };
  const doc = documents[p.doc_id];
  row('document', doc?.title || doc?.name || p.doc);
  row('date', doc?.date);
  row('round', roundName(p.round));
  row('speaker', p.speaker_label || p.speaker);
  row('target', p.target);
  row('condition', p.condition);
  if (p.negated) row('negated', 'yes (stance folded)');
  if (!compact) {
    row('rule', p.rule);
    row('confidence', typeof p.confidence === 'number' ? p.confidence.toFixed(2) : p.confidence);
    row('sentence', p.sentence);
  }
  card.append(meta);
  if (p.doc_id) {
    const open = el('button', 'btn-link', 'open document');
    open.type = 'button';
    open.addEventListener('click', () => setState({ view: 'documents', doc: p.doc_id, pos: p.id }, { push: true }));
    card.append(open);
  }
  return card;
}

const panelBody = () => document.getElementById('panel-body');

export function openPanel(title) {
  document.body.classList.remove('panel-closed');
  document.getElementById('panel-title').textContent = title;
  const body = panelBody();
  body.replaceChildren();
  return body;
}

export function showPositions(title, positions, { subtitle, more = 0 } = {}) {
  const body = openPanel(title);
  if (subtitle) body.append(el('p', 'muted', subtitle));
  const key = el('div', 'mark-key');
  const k = (cls, text) => { const m = el('mark', cls, text); key.append(m); };
  k('cue', 'cue'); k('actor', 'actor'); k('issue', 'issue');
  body.append(key);
  if (!positions.length) body.append(el('p', 'muted', 'No positions.'));
  for (const p of positions) body.append(evidenceCard(p));
  if (more > 0) body.append(el('p', 'muted', `… and ${more} more not shown.`));
}

export function showPanelMessage(title, message) {
  const body = openPanel(title);
  body.append(el('p', 'muted', message));
}
