// The language of labels (actors, issues, rounds): chosen in the header,
// kept in localStorage, sent as ?lang= with every API read (the API labels
// nodes and positions in it; ids never change).
const KEY = 'negograph.lang';

export function currentLang() {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'de' || v === 'en') return v;
  } catch { /* storage blocked: fall back */ }
  return (navigator.language ?? '').toLowerCase().startsWith('de') ? 'de' : 'en';
}

// Wires the header's language picker; a change is stored and the page reloads
// in the new language (the URL keeps the view).
export function initLangSwitch() {
  const select = document.getElementById('lang-select');
  const lang = currentLang();
  document.documentElement.lang = lang;
  document.body.dataset.lang = lang;
  if (!select) return;
  select.value = lang;
  select.addEventListener('change', () => {
    try { localStorage.setItem(KEY, select.value); } catch { /* not persisted */ }
    location.reload();
  });
}
