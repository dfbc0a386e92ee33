// Imported before any module that builds zod schemas in the browser: zod otherwise probes
// `new Function` when it builds an object schema, which the site's Content-Security-Policy (no
// 'unsafe-eval') reports as a violation. zod keeps this setting on `globalThis`, so it holds for
// full zod and zod/mini alike; importing it from zod/mini keeps full zod out of the bundle.
import * as z from 'zod/mini';

z.config({ jitless: true });
