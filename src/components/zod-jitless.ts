// Imported before any module that builds zod schemas in the browser: zod otherwise probes
// `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') reports as a violation.
import { z } from 'astro/zod';

z.config({ jitless: true });
