// Conflicting reports (GET /api/v1/conflicts): per conflict, the two quotes
// side by side with their sources, so an analyst can judge which is right.
import { api } from './api.js';
import { el, evidenceCard, documentOf } from './evidence.js';
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
    head.append(el('strong', '', `${c.actor_label || c.actor} on ${c.issue_label || c.issue}`), ' ',
      stanceSymbol(c.a.stance), el('span', 'muted', ' vs '), stanceSymbol(c.b.stance));
  } else {
    head.append(el('strong', '', `Who ${c.a.stance}s ${c.issue_label || c.issue}?`), ' ',
      el('span', '', `${c.a.actor_label || c.a.actor} or ${c.b.actor_label || c.b.actor}`),
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
