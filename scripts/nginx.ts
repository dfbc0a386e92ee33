// Serves a built site from a private nginx in the foreground, the way an intranet would host it: under
// its base path, with the strict Content-Security-Policy and Pagefind's MIME types (scripts/hosting-config.ts).
// Everything nginx writes (config, pid, logs, temp files) lives in one state folder, removed on exit;
// it runs as root or not, beside any system nginx. Playwright starts and stops it for the sub-path tests.
// When nginx is not installed it warns and runs scripts/serve.ts instead, with the same arguments.
// Usage: node scripts/nginx.ts [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1] [--state <folder>] [--print]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/common/urls.ts';
import { SERVER_OPTIONS, nginxConfig } from './hosting-config.ts';

const { values } = parseArgs({
  options: {
    ...SERVER_OPTIONS,
    state: { type: 'string' },
    print: { type: 'boolean', default: false },
  },
});

/** The nginx binary: NGINX when set, else the first `nginx` on PATH or in the usual sbin folders. */
function findNginx(): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  const candidates = process.env['NGINX'] ? [process.env['NGINX']] : dirs.filter(Boolean).map((dir) => join(dir, 'nginx'));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Temp-path modules compiled into this nginx; setting a path for a missing module is a config error. */
function tempModules(nginx: string): string[] {
  const built = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const text = `${built.stdout ?? ''}${built.stderr ?? ''}`;
  return ['proxy', 'fastcgi', 'uwsgi', 'scgi'].filter((m) => !text.includes(`--without-http_${m}_module`));
}

/** As root, nginx would switch its workers to `nobody`, who may not read the site; keep the caller's user. */
function workerUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const gid = process.getgid?.() ?? 0;
  const group = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[2] === String(gid))?.[0];
  return group ? `${userInfo().username} ${group}` : userInfo().username;
}

function forwardSignals(child: ChildProcess, onExit: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // nginx stops at once on SIGTERM ("fast shutdown"); serve.ts exits on it too.
      child.kill('SIGTERM');
    });
  }
  child.on('exit', (code, signal) => {
    onExit();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

const siteDir = resolve(values.dir);
const base = normaliseBase(values.base);
const nginx = findNginx();

if (!nginx) {
  console.error(
    `WARNING: nginx is not installed (looked for ${process.env['NGINX'] || 'nginx on PATH and in /usr/sbin'}; set NGINX to its path), so ${values.dir} is served by ` +
      'scripts/serve.ts instead. The browser tests then do not check the real server configuration; install nginx ' +
      '(Debian: apt-get install nginx) to test it.',
  );
  const args = ['scripts/serve.ts', '--dir', values.dir, '--base', base, '--port', values.port, '--host', values.host];
  forwardSignals(spawn(process.execPath, args, { stdio: 'inherit' }), () => {});
} else {
  if (!existsSync(join(siteDir, 'index.html'))) {
    console.error(`scripts/nginx.ts: ${siteDir} has no index.html; build the site first (e.g. npm run build:subpath for dist-sub).`);
    process.exit(1);
  }
  const stateDir = resolve(values.state ?? join(tmpdir(), `playbook-nginx-${values.port}`));
  const config = nginxConfig({
    siteDir,
    base,
    listen: `${values.host}:${values.port}`,
    stateDir,
    user: workerUser(),
    tempModules: tempModules(nginx),
  });
  if (values.print) {
    process.stdout.write(config);
    process.exit(0);
  }
  // A state folder left by a killed run is stale: start clean.
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const configFile = join(stateDir, 'nginx.conf');
  writeFileSync(configFile, config);
  const child = spawn(nginx, ['-p', stateDir, '-c', configFile, '-e', 'stderr'], { stdio: 'inherit' });
  console.log(`nginx serving ${values.dir} at http://${values.host}:${values.port}${base}  (config: ${configFile}; Ctrl+C to stop)`);
  forwardSignals(child, () => rmSync(stateDir, { recursive: true, force: true }));
}
