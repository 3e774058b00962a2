// The six stances: colour, line style and matrix symbol. Colours match the
// --<stance> variables in style.css.
export const STANCES = [
  { id: 'demand', label: 'demand', color: '#c2410c', line: 'solid', sym: 'Dm' },
  { id: 'offer', label: 'offer', color: '#15803d', line: 'solid', sym: 'Of' },
  { id: 'reject', label: 'reject', color: '#b91c1c', line: 'solid', sym: 'Rj' },
  { id: 'accept', label: 'accept', color: '#0f766e', line: 'dashed', sym: 'Ac' },
  { id: 'threaten', label: 'threaten', color: '#7e22ce', line: 'dashed', sym: 'Th' },
  { id: 'assure', label: 'assure', color: '#1d4ed8', line: 'dotted', sym: 'As' },
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

// Legend entries; when `onToggle` is given they are toggle buttons.
export function renderLegend(container, { hidden = new Set(), counts = {}, onToggle, symbols = false } = {}) {
  container.replaceChildren();
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
    el.append(swatch, name);
    if (counts[s.id] !== undefined) {
      const c = document.createElement('span');
      c.className = 'count';
      c.textContent = counts[s.id];
      el.append(c);
    }
    if (onToggle) {
      el.type = 'button';
      el.setAttribute('aria-pressed', String(!hidden.has(s.id)));
      el.title = `Show or hide ${s.label} edges`;
      el.addEventListener('click', () => onToggle(s.id));
    }
    container.append(el);
  }
}
