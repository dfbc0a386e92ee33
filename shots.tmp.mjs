import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const [,, base, ...paths] = process.argv;
for (const spec of paths) {
  const [path, w, scheme] = spec.split('@');
  const p = await b.newPage({ viewport: { width: Number(w||1280), height: 900 }, colorScheme: scheme||'light' });
  p.on('console', m => m.type()==='error' && console.log('ERR', path, m.text()));
  await p.goto(base + path); await p.waitForTimeout(300);
  const name = '/tmp/shot-' + (path.replace(/[^a-z0-9]/gi,'_')||'home') + '-' + (w||1280) + (scheme||'') + '.png';
  await p.screenshot({ path: name, fullPage: false }); console.log(name);
}
await b.close();
