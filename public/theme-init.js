// Before paint (a file: no inline scripts): mark the page scripted, apply the saved theme.
var d = document.documentElement;
d.classList.add('js');
try {
  var t = localStorage.getItem('pb-theme');
  if (t === 'light' || t === 'dark') d.setAttribute('data-theme', t);
} catch (e) {
  // Storage blocked: the system theme applies.
}
