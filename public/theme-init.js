// Runs before paint (a file: no inline scripts): marks the page scripted, applies the saved theme.
var d = document.documentElement;
d.classList.add('js');
try {
  var t = localStorage.getItem('pb-theme');
  if (t === 'light' || t === 'dark') d.setAttribute('data-theme', t);
} catch (e) {
  // Storage blocked: follow the system theme.
}
