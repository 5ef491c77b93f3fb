/**
 * A headless Chromium for the HTML report's tests: `@sparticuz/chromium`'s self-contained
 * build driven by `puppeteer-core`. A launch that fails throws — the test fails, it is
 * never skipped.
 */
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Starts a headless browser. @throws when Chromium cannot start */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  return puppeteer.launch({
    executablePath,
    args: [...chromium.args, '--no-sandbox'],
    headless: true,
    defaultViewport: { width: 1200, height: 900, deviceScaleFactor: 1 },
  });
}
