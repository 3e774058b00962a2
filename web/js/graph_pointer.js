// What the pointer meets on the graph: a hover tip that says what an element
// is, and a container whose place on the page Cytoscape knows at every click.
import { STANCE } from './stances.js';
import { roundName } from './evidence.js';

// Cytoscape caches where its container is on the page and refreshes that on
// scroll, resize and ResizeObserver callbacks, which arrive a frame late; a
// toolbar that wraps or a page that just scrolled moves the graph in between,
// and a click then lands on the wrong element. Each pointer interaction first
// re-measures the container (cy.resize() drops the cache) when it has moved.
// The #cy element outlives Cytoscape instances (one per size class), so the
// listeners are added once and resize whichever instance is current.
let current = null;
let watched = null;
let containerAt = '';
export function watchContainerMoves(cy) {
  current = cy;
  const container = cy.container();
  if (watched === container) return;
  watched = container;
  const check = () => {
    const box = container.getBoundingClientRect();
    const at = `${box.left},${box.top},${box.width},${box.height}`;
    if (at !== containerAt) { containerAt = at; current?.resize(); }
  };
  for (const type of ['pointerover', 'pointerdown', 'wheel']) container.addEventListener(type, check, { capture: true, passive: true });
}

export function showTip(ele, at) {
  const tip = document.getElementById('graph-tip');
  if (!ele) { tip.hidden = true; return; }
  if (ele.isEdge()) {
    const rounds = (ele.data('rounds') ?? []).map(roundName).join('; ');
    const means = STANCE[ele.data('stance')]?.means;
    tip.textContent = `${ele.source().data('label')} ${ele.data('stance')} ${ele.target().data('label')}`
      + `${means ? ` (${ele.data('stance')} = ${means})` : ''}`
      + ` · ${ele.data('count')} position(s)${rounds ? ` · ${rounds}` : ''}`;
  } else {
    const kind = ele.data('kind') === 'actor' ? 'actor' : ele.data('open') ? 'open-vocabulary issue' : 'issue';
    const proposal = ele.data('kind') === 'actor' ? '' : ' (a proposal: reject = refuses it)';
    tip.textContent = `${ele.data('label')} · ${kind}${proposal} · ${ele.data('positions')} position(s)`;
  }
  tip.style.left = `${at.x + 14}px`;
  tip.style.top = `${at.y + 14}px`;
  tip.hidden = false;
}
