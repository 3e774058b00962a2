// Rounds of talks: full labels (name, place, date; never a cut-off id), the
// rounds shown in pickers (rounds without positions only when asked for,
// state `empty=1`) and the timeline stepper of the graph and matrix views.
import { setState } from './state.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// "10 Jan 2022" from "2022-01-10"; "12–13 Jan 2022" for a two-day round.
export function roundDate(r) {
  const parse = (d) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(d ?? '');
  const a = parse(r?.date_from), b = parse(r?.date_to);
  if (!a) return r?.date_from ?? '';
  const day = (m) => String(Number(m[3]));
  const from = `${day(a)} ${MONTHS[Number(a[2]) - 1]} ${a[1]}`;
  if (!b || r.date_to === r.date_from) return from;
  if (a[1] === b[1] && a[2] === b[2]) return `${day(a)}–${day(b)} ${MONTHS[Number(a[2]) - 1]} ${a[1]}`;
  return `${from} – ${day(b)} ${MONTHS[Number(b[2]) - 1]} ${b[1]}`;
}

// "US-Russia Strategic Stability Dialogue · Geneva · 10 Jan 2022 (23)".
export function roundLabel(r, { count = false } = {}) {
  if (!r) return '';
  const parts = [r.name || r.id];
  if (r.place && !(r.name ?? '').includes(r.place)) parts.push(r.place);
  const date = roundDate(r);
  if (date) parts.push(date);
  const n = count && r.positions !== undefined ? ` (${r.positions})` : '';
  return `${parts.join(' · ')}${n}`;
}

export function sortRounds(list) {
  return [...list].sort((a, b) => (a.date_from ?? '9999').localeCompare(b.date_from ?? '9999') || a.id.localeCompare(b.id));
}

// Rounds with positions, or every round when `showEmpty`.
export function visibleRounds(rounds, showEmpty) {
  return showEmpty ? rounds : rounds.filter((r) => (r.positions ?? 1) > 0);
}

// A stepper over the rounds in date order: "All rounds", then one stop per
// round (date and place), previous/next buttons, and the full name of the
// current round. Rebuilt on every render (a few dozen elements at most).
export function renderTimeline(container, rounds, state) {
  const showEmpty = state.empty === '1';
  const list = visibleRounds(rounds, showEmpty);
  const current = state.round ?? '';
  const stops = [{ id: '', short: 'All', title: 'All rounds' }, ...list.map((r) => ({
    id: r.id, short: shortStop(r), title: roundLabel(r, { count: true }), empty: (r.positions ?? 1) === 0,
  }))];
  let at = stops.findIndex((s) => s.id === current);
  const hiddenCurrent = at < 0 && current;
  if (at < 0) at = 0;
  container.replaceChildren();
  container.setAttribute('role', 'group');
  container.setAttribute('aria-label', 'Rounds on a timeline');
  // The matrix cell stays selected: its quotes follow the round.
  const go = (i) => setState({ round: stops[i].id, node: '', edge: '' });
  const prev = button('◀', 'timeline-prev', 'Previous round (earlier)', () => go(at - 1));
  prev.disabled = at <= 0;
  const next = button('▶', 'timeline-next', 'Next round (later)', () => go(at + 1));
  next.disabled = at >= stops.length - 1;
  const track = document.createElement('ol');
  track.className = 'timeline-track';
  stops.forEach((s, i) => {
    const li = document.createElement('li');
    const b = button('', `timeline-stop${s.empty ? ' no-positions' : ''}`, s.title, () => go(i));
    b.dataset.round = s.id;
    b.setAttribute('aria-current', String(i === at));
    const dot = document.createElement('span');
    dot.className = 'dot';
    const text = document.createElement('span');
    text.className = 'stop-label';
    text.textContent = s.short;
    b.append(dot, text);
    li.append(b);
    track.append(li);
  });
  const label = document.createElement('div');
  label.className = 'timeline-label';
  const round = rounds.find((r) => r.id === current);
  label.textContent = current
    ? `${roundLabel(round ?? { id: current })}${round?.positions !== undefined ? ` · ${round.positions} positions` : ''}${hiddenCurrent ? ' (no positions)' : ''}`
    : `All rounds · ${rounds.length ? roundDate(list[0]) : ''}${list.length > 1 ? ` – ${roundDate(list[list.length - 1])}` : ''}`;
  const toggle = document.createElement('label');
  toggle.className = 'timeline-empty';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = showEmpty;
  box.addEventListener('change', () => setState({ empty: box.checked ? '1' : '' }));
  const emptyCount = rounds.length - rounds.filter((r) => (r.positions ?? 1) > 0).length;
  toggle.append(box, ` show ${emptyCount} round${emptyCount === 1 ? '' : 's'} without positions`);
  toggle.hidden = emptyCount === 0;
  const row = document.createElement('div');
  row.className = 'timeline-row';
  row.append(prev, track, next);
  container.append(row, label, toggle);
}

// "10 Jan Geneva": the date and the place fit a stop; the title has the rest.
function shortStop(r) {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(r.date_from ?? '');
  const date = m ? `${Number(m[2])} ${MONTHS[Number(m[1]) - 1]}` : '';
  return [date, r.place].filter(Boolean).join('\n') || r.id;
}

function button(text, cls, title, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
