// Page-level messages: the error banner (problem+json title and detail) and
// the status line in the header.
let retry = null;

export function reportError(e, onRetry) {
  console.warn('negograph:', e);  // warn, not error: the page handles it
  document.getElementById('banner-title').textContent = e.title ?? 'Error';
  document.getElementById('banner-detail').textContent = e.detail ?? e.message ?? String(e);
  retry = onRetry ?? (() => window.dispatchEvent(new HashChangeEvent('hashchange')));
  document.getElementById('banner').hidden = false;
}

export function clearError() { document.getElementById('banner').hidden = true; }

export function setStatus(text) { document.getElementById('status').textContent = text; }

export function initBanner() {
  document.getElementById('banner-close').addEventListener('click', clearError);
  document.getElementById('banner-retry').addEventListener('click', () => { clearError(); retry?.(); });
}
