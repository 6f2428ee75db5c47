// Opens a real VS Code workbench (code-server in Debian's Chromium) on a fresh copy of a workspace with the
// extension loaded from the repository, for tests that click and type as a person would.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

interface CodeServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The part of scripts/codeServer.js these tests use; it is plain JavaScript shared with the runner scripts. */
interface CodeServerScripts {
  startCodeServer(options: { workspace: string }): Promise<CodeServer>;
  launchChromium(): Promise<Browser>;
  workbenchUrl(server: CodeServer, workspace: string, paths: { extensionDevelopmentPath: string }): string;
  initGitRepository(dir: string): void;
}

export interface Workbench {
  page: Page;
  /** The temporary copy of the workspace the workbench has open. */
  workspace: string;
  close(): Promise<void>;
}

/** The folder holding the extension's package.json, found from wherever the compiled test lives. */
export function repositoryRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rationale') {
      return dir;
    }
  }
  throw new Error(`No rationale package.json above ${__dirname}`);
}

/** A screen the size of a laptop's, large enough for the sidebar and an editor side by side. */
const VIEWPORT = { width: 1440, height: 900 };

/**
 * Starts code-server on a copy of `sourceWorkspace` named `folderName` (the name shows in the workbench, and in
 * screenshots) and opens it in Chromium once the workbench is on screen.
 */
export async function openWorkbench(sourceWorkspace: string, folderName: string): Promise<Workbench> {
  const root = repositoryRoot();
  const scripts = (await import(path.join(root, 'scripts', 'codeServer.js'))) as CodeServerScripts;
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-ui-'));
  const workspace = path.join(parent, folderName);
  fs.cpSync(sourceWorkspace, workspace, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [() => fs.rmSync(parent, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  };
  try {
    scripts.initGitRepository(workspace);
    const server = await scripts.startCodeServer({ workspace });
    cleanups.push(() => server.stop());
    const browser = await scripts.launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(scripts.workbenchUrl(server, workspace, { extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    return { page, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}
