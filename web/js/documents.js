// The document view: the whole text with every extraction marked (quote,
// cue, actor, issue); a click on a quote shows its evidence.
import { api } from './api.js';
import { renderMarked } from './text.js';
import { el, showPositions, roundName } from './evidence.js';
import { setState } from './state.js';
import { reportError, setStatus } from './ui.js';

let docs = [];
let loadedDoc = null;
let current = null;

export function setDocumentList(list) {
  docs = [...list].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.title || a.name).localeCompare(b.title || b.name));
  const nav = document.getElementById('doc-list');
  nav.replaceChildren();
  if (!docs.length) nav.append(el('p', 'empty', 'No documents yet.'));
  for (const d of docs) {
    const b = el('button');
    b.type = 'button';
    b.dataset.doc = d.id;
    b.append(el('span', '', d.title || d.name), el('small', '', [d.date, roundName(d.round), `${d.positions ?? 0} positions`].filter(Boolean).join(' · ')));
    b.addEventListener('click', () => setState({ doc: d.id, pos: '' }));
    nav.append(b);
  }
}

function renderDoc(doc) {
  const view = document.getElementById('doc-view');
  view.replaceChildren();
  view.append(el('h2', '', doc.title || doc.name));
  const meta = el('dl', 'meta');
  const row = (k, v) => { if (v) meta.append(el('dt', '', k), el('dd', '', String(v))); };
  row('name', doc.name); row('date', doc.date); row('round', doc.round ? roundName(doc.round) : '');
  row('language', doc.lang); row('source', doc.source); row('rules', doc.rules_version);
  row('positions', String(doc.items?.length ?? 0));
  meta.style.margin = '8px 0';
  const key = el('div', 'mark-key');
  for (const [cls, text] of [['quote-span', 'quoted sentence'], ['cue', 'cue'], ['actor', 'actor'], ['issue', 'issue']]) key.append(el('mark', cls, text));
  const text = el('div', 'doc-text');
  const ranges = [];
  for (const p of doc.items ?? []) {
    const click = () => setState({ pos: p.id });
    ranges.push({ start: p.start, end: p.end, cls: 'quote-span', title: `${p.actor_label} ${p.stance} ${p.issue_label}`, onClick: click, data: { position: p.id } });
    for (const [span, cls] of [[p.cue, 'cue'], [p.actor_span, 'actor'], [p.issue_span, 'issue']]) {
      if (Array.isArray(span)) ranges.push({ start: span[0], end: span[1], cls });
    }
  }
  renderMarked(text, doc.text ?? '', ranges);
  view.append(meta, key, text);
}

export async function renderDocuments(state) {
  try {
    const id = state.doc || docs[0]?.id;
    for (const b of document.querySelectorAll('#doc-list button')) b.setAttribute('aria-current', String(b.dataset.doc === id));
    if (!id) {
      document.getElementById('doc-view').replaceChildren(el('div', 'empty', 'The store has no documents yet.'));
      return;
    }
    if (loadedDoc !== id) {
      current = await api(`documents/${encodeURIComponent(id)}`);
      loadedDoc = id;
      renderDoc(current);
    }
    setStatus(`${current.items?.length ?? 0} positions in this document`);
    for (const m of document.querySelectorAll('mark.quote-span.active')) m.classList.remove('active');
    if (state.pos) {
      const marks = document.querySelectorAll(`mark.quote-span[data-position="${CSS.escape(state.pos)}"]`);
      for (const m of marks) m.classList.add('active');
      marks[0]?.scrollIntoView({ block: 'center' });
      const p = current.items?.find((x) => x.id === state.pos);
      if (p) showPositions(`${p.actor_label} ${p.stance} ${p.issue_label}`, [p]);
    }
  } catch (e) {
    document.getElementById('doc-view').replaceChildren(el('div', 'empty', `Could not open the document: ${e.detail ?? e.message}`));
    reportError(e);
  }
}
