/**
 * Renders media/icon.svg to media/icon.png (128x128, what the marketplace and the Extensions view show) with the
 * same headless Chromium the integration tests use. Usage: node --import tsx scripts/vscode-host/render-icon.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './offline-host';
import { ensureHost, REPO_ROOT } from './setup';

async function main(): Promise<void> {
  const browser = await launchBrowser(await ensureHost());
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    const svg = readFileSync(join(REPO_ROOT, 'media', 'icon.svg'), 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="256" height="256"', 'width="128" height="128"')}</body></html>`);
    await page.screenshot({ path: join(REPO_ROOT, 'media', 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
