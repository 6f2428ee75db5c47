// Installs and starts code-server, the Node-based VS Code server that runs our integration tests, the UI test
// and the demo on machines where @vscode/test-electron cannot download VS Code.
//
// code-server 4.100.3 is the last line that runs on Node 20; it bundles VS Code 1.100.3. Its own post-install
// downloads ripgrep from the internet and expects a non-root user, so we do its steps by hand (DESIGN.md §4) and
// cache the result in .vscode-test/, which is git-ignored.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const CODE_SERVER_VERSION = '4.100.3';
const REPO_ROOT = path.resolve(__dirname, '..');
const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const PACKAGE_DIR = path.join(CACHE_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');
const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
/** Written last, so an interrupted install is redone rather than trusted. */
const MARKER = path.join(CACHE_DIR, 'installed.json');
const CHROMIUM = '/usr/bin/chromium';

/** Debian packages the install and the tests need, with the file that shows each one is there. */
const REQUIRED_APT_PACKAGES = [
  { name: 'chromium', file: CHROMIUM },
  { name: 'ripgrep', file: '/usr/bin/rg' },
  // Without its headers the `kerberos` native module fails to compile (gssapi/gssapi.h missing).
  { name: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h' },
];

/** Flags for Debian's Chromium driven by playwright-core: no sandbox as root, no background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** User settings for test and demo instances: nothing on screen but the workspace, nothing sent anywhere. */
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Light Modern',
};

/**
 * For a server that keeps Workspace Trust on: the workspace opens in Restricted Mode without a
 * dialog to answer (a fresh user-data folder trusts no folder), and no banner covers the workbench.
 */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

function log(message) {
  console.log(`[code-server] ${message}`);
}

function missingAptPackages() {
  return REQUIRED_APT_PACKAGES.filter((entry) => !fs.existsSync(entry.file)).map((entry) => entry.name);
}

function run(command, args, cwd, extraEnv = {}) {
  const result = childProcess.spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}

/** Replaces whatever is at `linkPath` with a symbolic link to `target`. */
function link(target, linkPath) {
  fs.mkdirSync(path.dirname(linkPath), { recursive: true });
  fs.rmSync(linkPath, { force: true, recursive: true });
  fs.symlinkSync(target, linkPath);
}

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The version line, e.g. `4.100.3 409c64e… with Code 1.100.3`; code-server may log other lines first. */
function codeServerVersion() {
  // A config file of its own, so code-server does not write one into the home folder.
  const output = run(process.execPath, [ENTRY, '--config', path.join(CACHE_DIR, 'config.yaml'), '--version'], PACKAGE_DIR);
  const line = output.split('\n').find((candidate) => /^\d+\.\d+\.\d+ /.test(candidate));
  return (line ?? output).trim();
}

/**
 * Installs code-server into the cache once; later calls return at once. Returns the path of its entry script.
 * Throws with the list of missing apt packages when the machine lacks them.
 */
function ensureCodeServer() {
  const missing = missingAptPackages();
  if (missing.length > 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(', ')}. Install them with:\n` +
        `  apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  const marker = readMarker();
  if (marker && marker.version === CODE_SERVER_VERSION && fs.existsSync(ENTRY)) return ENTRY;

  const started = Date.now();
  const step = (message) => log(`${message} (${Math.round((Date.now() - started) / 1000)} s)`);
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, CACHE_DIR)} (about 3 minutes, once)`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // A package.json of its own keeps npm from treating the repository as the project to install into.
  fs.writeFileSync(
    path.join(CACHE_DIR, 'package.json'),
    JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n',
  );
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

  step('npm install code-server');
  run('npm', ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], CACHE_DIR);

  step('npm install in lib/vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], VSCODE_DIR);

  // The ripgrep post-install downloads a binary unless bin/ exists; Debian's rg does the same job.
  const ripgrepBin = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(ripgrepBin, { recursive: true });
  link('/usr/bin/rg', path.join(ripgrepBin, 'rg'));

  step('npm rebuild in lib/vscode (native modules)');
  // node-gyp, started through npx inside a rebuild, waits for a "yes" on stdin without this.
  run('npm', ['rebuild', ...quiet], VSCODE_DIR, { npm_config_yes: 'true' });

  link('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
  link('code-linux.sh', path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));

  step('npm install in lib/vscode/extensions');
  run('npm', ['install', '--omit=dev', ...quiet], path.join(VSCODE_DIR, 'extensions'), { npm_config_yes: 'true' });

  step('npm rebuild argon2');
  run('npm', ['rebuild', 'argon2', ...quiet], CACHE_DIR, { npm_config_yes: 'true' });

  const version = codeServerVersion();
  if (!version.startsWith(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version printed "${version}", expected ${CODE_SERVER_VERSION}`);
  }
  fs.writeFileSync(MARKER, JSON.stringify({ version: CODE_SERVER_VERSION, reported: version }, null, 2) + '\n');
  step(`installed: ${version}`);
  return ENTRY;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answersHttp(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(false);
    });
  });
}

/** Writes user settings: the test defaults, then the caller's overrides. */
function writeUserSettings(userDataDir, settings) {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n',
  );
}

/**
 * Starts code-server on 127.0.0.1 (at a free port unless `port` is given) with `workspace` open and waits until
 * it answers HTTP.
 * User data and extensions go to fresh temporary folders unless given; `stop()` ends the server and every
 * process it started, and removes the folders this function created.
 * Workspace Trust is off (every folder trusted) unless `workspaceTrust` is true: then code-server keeps it
 * on, which it does only without `--disable-workspace-trust`, and the workspace opens untrusted.
 * `env` adds to the environment of the server, and so of its extension hosts.
 */
async function startCodeServer({
  workspace,
  extensionsDir,
  userDataDir,
  port: requestedPort,
  settings = {},
  extraArgs = [],
  quiet = true,
  workspaceTrust = false,
  env = {},
}) {
  const entry = ensureCodeServer();
  const ownedDirs = [];
  const tempDir = (prefix) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    ownedDirs.push(dir);
    return dir;
  };
  const userData = userDataDir ?? tempDir('rationale-cs-user-');
  const extensions = extensionsDir ?? tempDir('rationale-cs-ext-');
  writeUserSettings(userData, workspaceTrust ? { ...UNTRUSTED_SETTINGS, ...settings } : settings);

  const port = requestedPort ?? (await freePort());
  const args = [
    entry,
    '--config',
    path.join(userData, 'config.yaml'),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // code-server tells the workbench to ignore Workspace Trust, whatever the settings say, with this flag.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    ...extraArgs,
    workspace,
  ];
  // Its own process group, so stop() can end the server together with its extension hosts and watchers.
  const server = childProcess.spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VSCODE_PROXY_URI: '', ...env },
  });
  const output = [];
  const collect = (chunk) => {
    const text = chunk.toString();
    output.push(text);
    if (!quiet) process.stdout.write(text.replace(/^/gm, '[code-server] '));
  };
  server.stdout.on('data', collect);
  server.stderr.on('data', collect);
  let exited = false;
  const killOnExit = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    for (const dir of ownedDirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  // The server runs in its own process group, which Ctrl+C in a terminal does not reach: if this process exits
  // before stop() (a signal handler calling process.exit, an uncaught error), end the server anyway.
  process.on('exit', killOnExit);
  server.on('exit', () => {
    exited = true;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (!exited) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const deadline = Date.now() + 5000;
      while (!exited && Date.now() < deadline) await sleep(100);
      if (!exited) {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    for (const dir of ownedDirs) fs.rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await answersHttp(`${url}/healthz`))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start on ${url}:\n${output.join('').slice(-3000)}`);
    }
    await sleep(250);
  }
  return { url, port, userDataDir: userData, extensionsDir: extensions, output: () => output.join(''), stop };
}

/** Opens Debian's Chromium through playwright-core; the caller closes it. */
async function launchChromium(options = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, ...options });
}

/** Builds the `payload` query value that tells the workbench which extension to develop and which tests to run. */
function workbenchUrl(server, workspace, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Copies a workspace to a fresh temporary folder, so a run never changes the original. */
function copyWorkspace(source, prefix) {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** Makes `dir` a git repository with a configured user and one commit, as in a real project. */
function initGitRepository(dir, { name = 'Ana Ruiz', email = 'ana@example.com' } = {}) {
  const git = (...args) => run('git', args, dir);
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', name);
  git('config', 'user.email', email);
  git('config', 'commit.gpgsign', 'false');
  git('add', '--all');
  git('commit', '--quiet', '--allow-empty', '--no-verify', '-m', 'Initial commit');
}

module.exports = {
  CODE_SERVER_VERSION,
  REPO_ROOT,
  CHROMIUM,
  CHROMIUM_ARGS,
  ensureCodeServer,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  copyWorkspace,
  initGitRepository,
};

if (require.main === module) {
  // `node scripts/codeServer.js` installs (or checks) the cache and prints the version.
  try {
    ensureCodeServer();
    log(codeServerVersion());
  } catch (error) {
    console.error(`[code-server] ${error.message}`);
    process.exit(1);
  }
}
