// Opens the sample decision log in a real VS Code (code-server) with the extension loaded, for trying it out:
//
//   npm run demo                 builds the extension, prints a URL to open in a browser, runs until Ctrl+C
//   npm run demo -- --no-build   uses dist/ as it is
//   RATIONALE_DEMO_PORT=8080 npm run demo   listens on a fixed port (e.g. one forwarded from your machine)
//
// Every start works on a fresh copy of samples/workspace, so records written during a demo are thrown away.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT, ensureCodeServer, startCodeServer, initGitRepository } = require('./codeServer');

const SAMPLE_WORKSPACE = path.join(REPO_ROOT, 'samples', 'workspace');
/** What the packaged extension holds (`files` in package.json, plus the manifest, README and licence, always packed); copied as an installed extension. */
const EXTENSION_FILES = ['package.json', 'package.nls.json', 'dist', 'media', 'README.md', 'LICENSE'];

/**
 * Installs the built extension into `extensionsDir` the way VS Code lays out an installed one. Loading it as an
 * installed extension rather than through the URL keeps the demo URL plain, so it also works through a forwarded
 * port or another host name, and the window is not marked as an Extension Development Host.
 */
function installBuiltExtension(extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const entry of EXTENSION_FILES) {
    const source = path.join(REPO_ROOT, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(target, entry), { recursive: true });
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const build = childProcess.spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  ensureCodeServer();

  // The folder name shows in the workbench, so the copy is called after the sample product.
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-demo-'));
  const workspace = path.join(parent, 'studiobook');
  fs.cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });
  initGitRepository(workspace);
  const extensionsDir = path.join(parent, 'extensions');
  installBuiltExtension(extensionsDir);

  const port = process.env.RATIONALE_DEMO_PORT ? Number(process.env.RATIONALE_DEMO_PORT) : undefined;
  const server = await startCodeServer({ workspace, port, extensionsDir });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    fs.rmSync(parent, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  console.log(`
Rationale demo: the sample decision log of "Studiobook" in VS Code (code-server).

  Open:  ${server.url}/?folder=${encodeURIComponent(workspace)}

Click the Decisions icon in the activity bar, or press F1 and run "Rationale: New Decision Record".
The workspace is a temporary copy: ${workspace}
Press Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
