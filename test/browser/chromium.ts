/**
 * Headless Chromium for browser tests: the Chromium shipped inside the `@sparticuz/chromium`
 * dev dependency (unpacked on first use), driven with `puppeteer-core`. It needs nothing
 * installed on the machine beyond the NSS libraries (.ci/run installs them when missing),
 * so a browser test runs everywhere: `launchChromium()` throws when the browser cannot
 * start, and the test FAILS — a browser test is never skipped.
 *
 *   const browser = await launchChromium();
 *   try {
 *     const page = await browser.newPage();
 *     await page.goto(`file://${path}`);
 *     await page.screenshot({ path: artifactPath('day.png') });
 *   } finally {
 *     await browser.close();
 *   }
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Flags added to `@sparticuz/chromium`'s own: no sandbox (CI runs as root), no GPU, nothing fetched or synced. */
export const EXTRA_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where browser tests leave screenshots for a person to look at (gitignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../.artifacts/', import.meta.url));

/** The path of artifact `name` under test/.artifacts/, creating the folder. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

/** Longest wait for another process unpacking Chromium; a lock older than this is stale. */
const UNPACK_WAIT_MS = 180_000;

/**
 * The unpacked Chromium's path. `@sparticuz/chromium` unpacks it to the temp folder and
 * takes any file already there as done, so two test processes unpacking at once, or a run
 * killed mid-way, would leave a half-written binary. Here one process at a time unpacks
 * (a lock folder), and a marker says the binary was written whole; without the marker a
 * binary found there is unpacked again.
 */
export async function unpackedChromium(): Promise<string> {
  const binary = join(tmpdir(), 'chromium');
  const ready = join(tmpdir(), 'dialguard-chromium.ready');
  const lock = join(tmpdir(), 'dialguard-chromium.lock');
  for (let waited = 0; ; waited += 250) {
    if (existsSync(ready) && existsSync(binary)) return binary;
    try {
      mkdirSync(lock);
    } catch {
      const age = (() => {
        try {
          return Date.now() - statSync(lock).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (age > UNPACK_WAIT_MS) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      else if (waited > UNPACK_WAIT_MS) throw new Error(`another process has been unpacking Chromium for ${Math.round(waited / 1000)} s`);
      await sleep(250);
      continue;
    }
    try {
      if (!(existsSync(ready) && existsSync(binary))) {
        rmSync(binary, { force: true });
        const path = await chromium.executablePath();
        writeFileSync(ready, `${path}\n`);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * Launches headless Chromium with a new, empty user-data dir (removed when the browser
 * closes) and the given viewport.
 * @throws Error saying why, when the browser cannot be unpacked or started (a missing
 *   system library, say): the calling test fails, it is not skipped
 */
export async function launchChromium(viewport: { width: number; height: number } = { width: 1040, height: 1100 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'dialguard-chromium-'));
  let browser: Browser;
  try {
    const executablePath = await unpackedChromium();
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...chromium.args, ...EXTRA_FLAGS, `--user-data-dir=${profile}`],
      defaultViewport: viewport,
      timeout: 60_000,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `headless Chromium (@sparticuz/chromium) could not start: ${why}\n` +
        'A missing shared library is named above; .ci/run installs the Debian packages it needs (libnss3 …).',
    );
  }
  browser.once('disconnected', () => rmSync(profile, { recursive: true, force: true }));
  return browser;
}
