// A plain SVG of the visible graph (straight edges, node shapes, labels),
// written by hand: the SVG plugin on npm is GPL, and this is all we need.
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const DASH = { solid: '', dashed: ' stroke-dasharray="7 4"', dotted: ' stroke-dasharray="2 3"' };

export function exportSvg(cy) {
  const visible = cy.elements(':visible');
  const bb = visible.boundingBox({ includeLabels: true });
  const pad = 20;
  const w = Math.ceil(bb.w + 2 * pad), h = Math.ceil(bb.h + 2 * pad);
  const x0 = bb.x1 - pad, y0 = bb.y1 - pad;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x0} ${y0} ${w} ${h}" font-family="sans-serif">`,
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#ffffff"/>`, '<defs>'];
  const colors = new Set(visible.edges().map((e) => e.data('color')));
  for (const c of colors) {
    out.push(`<marker id="m${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`);
  }
  out.push('</defs>');
  for (const e of visible.edges()) {
    const s = e.source().position(), t = e.target().position();
    const tw = e.target().outerWidth() / 2, th = e.target().outerHeight() / 2;
    // Stop the line at the target's bounding box so the arrow shows.
    const dx = t.x - s.x, dy = t.y - s.y;
    const k = Math.max(Math.abs(dx) / tw, Math.abs(dy) / th, 1e-9);
    const ex = t.x - dx / k, ey = t.y - dy / k;
    const c = e.data('color');
    out.push(`<line x1="${s.x}" y1="${s.y}" x2="${ex}" y2="${ey}" stroke="${c}" stroke-width="${Math.min(6, 1.5 + Math.log2(e.data('count') || 1))}"${DASH[e.data('line')] ?? ''} marker-end="url(#m${c.slice(1)})" opacity="0.85"><title>${esc(`${e.source().data('label')} ${e.data('stance')} ${e.target().data('label')}`)}</title></line>`);
  }
  for (const n of visible.nodes()) {
    const p = n.position(), w2 = n.width() / 2, h2 = n.height() / 2;
    const label = esc(n.data('label'));
    if (n.hasClass('actor')) {
      out.push(`<circle cx="${p.x}" cy="${p.y}" r="${w2}" fill="#334a6e"/>`);
      out.push(`<text x="${p.x}" y="${p.y + h2 + 14}" font-size="12" font-weight="600" text-anchor="middle" fill="#1d2433">${label}</text>`);
    } else {
      const open = n.data('open');
      const bw = n.outerWidth() / 2, bh = n.outerHeight() / 2;
      out.push(`<rect x="${p.x - bw}" y="${p.y - bh}" width="${2 * bw}" height="${2 * bh}" rx="4" fill="${open ? '#fff7e6' : '#eef2f7'}" stroke="${open ? '#b7791f' : '#6b7a90'}" stroke-width="1.5"${open ? ' stroke-dasharray="4 3"' : ''}/>`);
      out.push(`<text x="${p.x}" y="${p.y + 4}" font-size="11.5" text-anchor="middle" fill="#1d2433"${open ? ' font-style="italic"' : ''}>${label}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}
