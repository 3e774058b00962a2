// Conflicting reports (GET /api/v1/conflicts): per conflict, the two quotes
// side by side with their sources, so an analyst can judge which is right.
import { api } from './api.js';
import { el, evidenceCard, documentOf, canonicalLabel } from './evidence.js';
import { stanceSymbol } from './stances.js';
import { reportError, setStatus } from './ui.js';
import { roundLabel } from './rounds.js';

let loadedRound = null;
let items = [];

function source(p) {
  const doc = documentOf(p.doc_id);
  const box = el('div', 'conflict-source');
  box.append(el('strong', '', doc?.title || doc?.name || p.doc || p.doc_id));
  const bits = [doc?.date, doc?.lang, doc?.source].filter(Boolean).join(' · ');
  if (bits) box.append(el('span', 'muted', bits));
  return box;
}

function card(c, rounds) {
  const box = el('section', 'conflict');
  box.dataset.kind = c.kind;
  const head = el('div', 'conflict-head');
  const round = rounds.find((r) => r.id === c.round);
  if (c.kind === 'stance') {
    head.append(el('strong', '', `${canonicalLabel('actor', c.actor, c.actor_label)} on ${canonicalLabel('issue', c.issue, c.issue_label)}`), ' ',
      stanceSymbol(c.a.stance), el('span', 'muted', ' vs '), stanceSymbol(c.b.stance));
  } else {
    head.append(el('strong', '', `Who ${c.a.stance}s ${canonicalLabel('issue', c.issue, c.issue_label)}?`), ' ',
      el('span', '', `${canonicalLabel('actor', c.a.actor, c.a.actor_label)} or ${canonicalLabel('actor', c.b.actor, c.b.actor_label)}`),
      el('span', 'muted', ` (speaker: ${c.a.speaker_label || c.a.speaker})`));
  }
  head.append(el('span', 'muted conflict-round', roundLabel(round ?? { id: c.round })));
  const sides = el('div', 'sides');
  for (const [tag, p] of [['Report A', c.a], ['Report B', c.b]]) {
    const side = el('div', 'side');
    side.append(el('h4', '', tag), source(p), evidenceCard(p, { compact: true }));
    sides.append(side);
  }
  box.append(head, sides);
  return box;
}

export async function renderConflicts(state, rounds) {
  const container = document.getElementById('conflicts');
  const round = state.round ?? '';
  try {
    if (loadedRound !== round) {
      items = (await api('conflicts', { round })).items ?? [];
      loadedRound = round;
    }
    container.replaceChildren();
    if (!items.length) {
      container.append(el('div', 'empty', round
        ? `No conflicting reports in ${roundLabel(rounds.find((r) => r.id === round) ?? { id: round })}.`
        : 'No conflicting reports: no two documents disagree on a round.'));
    }
    for (const c of items) container.append(card(c, rounds));
    setStatus(`${items.length} conflicting report${items.length === 1 ? '' : 's'}`);
  } catch (e) {
    loadedRound = null;
    container.replaceChildren(el('div', 'empty', `Could not load conflicts: ${e.detail ?? e.message}`));
    reportError(e);
  }
}
