// Round comparison: new, dropped, unchanged and changed positions between
// two rounds, each with the evidence of both sides.
import { api } from './api.js';
import { stanceSymbol } from './stances.js';
import { el, evidenceCard } from './evidence.js';
import { setState } from './state.js';
import { reportError, setStatus } from './ui.js';

const KINDS = ['changed', 'new', 'dropped', 'unchanged'];
let loadedKey = null;
let data = null;

function stances(list) {
  const span = el('span');
  if (!list?.length) span.append(el('span', 'muted', 'none'));
  for (const s of list ?? []) span.append(stanceSymbol(s), ' ');
  return span;
}

function side(title, evidence) {
  const box = el('div', 'side');
  box.append(el('h4', '', title));
  if (!evidence?.length) box.append(el('p', 'muted', 'No position in this round.'));
  for (const p of evidence ?? []) box.append(evidenceCard(p, { compact: true }));
  return box;
}

function shownKinds(state) {
  return new Set(state.kinds ? state.kinds.split(',') : KINDS);
}

function render(state) {
  const container = document.getElementById('compare');
  // The summary is rebuilt: keep keyboard focus on the same kind's button.
  const focusedKind = document.activeElement?.closest?.('#compare .stat')?.dataset.kind;
  container.replaceChildren();
  if (!data) return;
  const shown = shownKinds(state);
  const summary = el('div', 'summary');
  summary.setAttribute('role', 'group');
  summary.setAttribute('aria-label', 'Kinds of change (click to show or hide)');
  for (const k of KINDS) {
    const n = data.summary?.[k] ?? data.changes.filter((c) => c.kind === k).length;
    const stat = el('button', 'stat');
    stat.type = 'button';
    stat.dataset.kind = k;
    stat.title = `Show or hide ${k} pairs`;
    stat.setAttribute('aria-pressed', String(shown.has(k)));
    stat.append(el('b', '', String(n)), el('span', `kind ${k}`, k));
    stat.addEventListener('click', () => {
      const next = shownKinds(state);
      if (next.has(k)) next.delete(k); else next.add(k);
      setState({ kinds: next.size === KINDS.length ? '' : [...next].join(',') || 'none' });
    });
    summary.append(stat);
  }
  container.append(summary);
  if (focusedKind) summary.querySelector(`[data-kind="${focusedKind}"]`)?.focus();
  const fromName = data.from?.name || state.from, toName = data.to?.name || state.to;
  const list = data.changes.filter((c) => shown.has(c.kind))
    .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  if (!list.length) container.append(el('div', 'empty', data.changes.length ? 'No change of the selected kinds.' : 'Neither round has positions.'));
  for (const c of list) {
    const card = el('section', 'change');
    card.dataset.kind = c.kind;
    const head = el('div', 'change-head');
    head.append(el('span', `kind ${c.kind}`, c.kind), el('strong', '', `${c.actor_label || c.actor} · ${c.issue_label || c.issue}`),
      stances(c.from_stances), el('span', 'muted', '→'), stances(c.to_stances));
    if (c.note) head.append(el('span', 'muted', c.note));
    const sides = el('div', 'sides');
    sides.append(side(fromName, c.from_evidence), side(toName, c.to_evidence));
    card.append(head, sides);
    container.append(card);
  }
  setStatus(`${data.changes.length} actor-issue pairs compared`);
}

export function initCompare(rounds) {
  const from = document.getElementById('compare-from');
  const to = document.getElementById('compare-to');
  for (const select of [from, to]) {
    select.replaceChildren();
    for (const r of rounds) {
      const o = el('option', '', `${r.date_from ?? ''} ${r.name || r.id}`.trim());
      o.value = r.id;
      select.append(o);
    }
  }
  document.getElementById('compare-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    setState({ from: from.value, to: to.value });
  });
}

export async function renderCompare(state, rounds) {
  const container = document.getElementById('compare');
  if (rounds.length < 2) {
    container.replaceChildren(el('div', 'empty', rounds.length ? 'Only one round in the store: nothing to compare.' : 'No rounds in the store yet.'));
    return;
  }
  // Default: the first two rounds (by date) that have positions.
  const withPositions = rounds.filter((r) => (r.positions ?? 1) > 0);
  const defaults = withPositions.length >= 2 ? withPositions : rounds;
  const fromId = state.from || defaults[0].id;
  const toId = state.to || defaults.find((r) => r.id !== fromId)?.id || defaults[1].id;
  document.getElementById('compare-from').value = fromId;
  document.getElementById('compare-to').value = toId;
  try {
    const key = `${fromId}|${toId}`;
    if (loadedKey !== key) {
      data = await api('compare', { from: fromId, to: toId });
      loadedKey = key;
    }
    render({ ...state, from: fromId, to: toId });
  } catch (e) {
    data = null;
    loadedKey = null;
    container.replaceChildren(el('div', 'empty', `Could not compare: ${e.detail ?? e.message}`));
    reportError(e);
  }
}
