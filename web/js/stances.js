// The six stances: colour, line style and matrix symbol. Colours match the
// --<stance> variables in style.css.
export const STANCES = [
  { id: 'demand', label: 'demand', means: 'wants the proposal', color: '#c2410c', line: 'solid', sym: 'Dm' },
  { id: 'offer', label: 'offer', means: 'puts the proposal forward', color: '#15803d', line: 'solid', sym: 'Of' },
  { id: 'reject', label: 'reject', means: 'refuses the proposal', color: '#b91c1c', line: 'solid', sym: 'Rj' },
  { id: 'accept', label: 'accept', means: 'agrees to the proposal', color: '#0f766e', line: 'dashed', sym: 'Ac' },
  { id: 'threaten', label: 'threaten', means: 'holds it out as a consequence', color: '#7e22ce', line: 'dashed', sym: 'Th' },
  { id: 'assure', label: 'assure', means: 'promises it', color: '#1d4ed8', line: 'dotted', sym: 'As' },
];
export const STANCE = Object.fromEntries(STANCES.map((s) => [s.id, s]));

// A small coloured symbol for a stance (matrix cells, comparison rows).
export function stanceSymbol(stance, title) {
  const span = document.createElement('span');
  span.className = `sym ${STANCE[stance] ? stance : ''}`;
  span.textContent = STANCE[stance]?.sym ?? stance;
  span.title = title ?? stance;
  return span;
}

// Legend entries; when `onToggle` is given they are toggle buttons. Built
// once per container, then updated in place so keyboard focus survives.
export function renderLegend(container, { hidden = new Set(), counts = {}, titles = {}, onToggle, symbols = false } = {}) {
  if (!container.dataset.built) {
    container.dataset.built = 'true';
    for (const s of STANCES) {
      const el = document.createElement(onToggle ? 'button' : 'span');
      el.className = 'stance-toggle';
      el.dataset.stance = s.id;
      el.style.color = s.color;
      let swatch = document.createElement('span');
      swatch.className = `swatch ${s.line}`;
      if (symbols) swatch = stanceSymbol(s.id);
      const name = document.createElement('span');
      name.textContent = s.label;
      name.style.color = 'var(--text)';
      const count = document.createElement('span');
      count.className = 'count';
      el.append(swatch, name, count);
      if (onToggle) {
        el.type = 'button';
        el.title = `${s.label} = ${s.means}. Show or hide ${s.label} positions`;
        const check = document.createElement('span');
        check.className = 'check';
        check.setAttribute('aria-hidden', 'true');
        el.prepend(check);
        // The handler is looked up at click time: the latest onToggle wins.
        el.addEventListener('click', () => container.onToggle?.(s.id));
      }
      container.append(el);
    }
  }
  container.onToggle = onToggle;
  for (const el of container.querySelectorAll('[data-stance]')) {
    const id = el.dataset.stance;
    el.querySelector('.count').textContent = counts[id] !== undefined ? String(counts[id]) : '';
    if (titles[id]) el.title = titles[id];
    if (onToggle) {
      el.setAttribute('aria-pressed', String(!hidden.has(id)));
      el.querySelector('.check').textContent = hidden.has(id) ? '' : '✓';
    }
  }
}
