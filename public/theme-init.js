// Applies the reader's remembered theme before the page paints. Loaded as a file (no inline scripts).
try {
  var theme = localStorage.getItem('pb-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch (e) {
  /* storage blocked: follow the system theme */
}
