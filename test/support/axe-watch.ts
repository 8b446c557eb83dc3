/**
 * axe-core on every page a browser test visits (#13): each tab of the test's browser context is
 * scanned after every main-frame navigation (a new document or a route change of the web app) once
 * the page has settled, and once more in its final state when the test ends. Any violation fails
 * the test, listed with the page it was found on. The local OpenID provider's login page is left
 * out: it stands in for Cognito's managed login, which the registry does not build.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

export interface AxeFinding {
  url: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** A scan cut short by the page moving on: the next page gets its own scan. */
const pageMovedOn =
  /context was destroyed|Target (page, context or browser )?(has been )?closed|detached|navigat/i;

const notOurs = (url: string) =>
  !url.startsWith('http://127.0.0.1') || new URL(url).pathname.startsWith('/oidc');

/** The watch of each page, so a test's own scan waits for the watch's scan under way (axe runs one at a time). */
const watches = new WeakMap<Page, AxeWatch>();

/**
 * A scan at a moment the test chooses (a dialog open, say), asserted on the spot: queued behind
 * the watch's scans of the same page.
 */
export async function expectNoAxeViolations(page: Page, where = page.url()): Promise<void> {
  const analyse = () => new AxeBuilder({ page }).analyze();
  const { violations } = await (watches.get(page)?.exclusive(page, analyse) ?? analyse());
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (found.length > 0) throw new Error(`axe-core on ${where}:\n${found.join('\n')}`);
}

export class AxeWatch {
  readonly findings: AxeFinding[] = [];
  readonly scanned = new Set<string>();
  /** A scan that failed for another reason than the page moving on (reported by finish). */
  private readonly failures: unknown[] = [];
  private readonly queues = new Map<Page, Promise<void>>();

  constructor(private readonly context: BrowserContext) {
    for (const page of context.pages()) this.watch(page);
    context.on('page', (page) => this.watch(page));
  }

  private watch(page: Page): void {
    watches.set(page, this);
    // Transitions off: a scan in the middle of one could see half-blended colours.
    void page.emulateMedia({ reducedMotion: 'reduce' }).catch(() => undefined);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.enqueue(page, false);
    });
  }

  private enqueue(page: Page, final: boolean): Promise<void> {
    return this.exclusive(page, () => this.scan(page, final));
  }

  /** Runs `work` after the page's queued scans, and holds the queue until it ends. */
  exclusive<T>(page: Page, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(page) ?? Promise.resolve()).then(work);
    this.queues.set(
      page,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  }

  private async scan(page: Page, final: boolean): Promise<void> {
    if (page.isClosed()) return;
    try {
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      const url = page.url();
      if (notOurs(url)) return;
      // A route visited again is scanned again only in a test's final state.
      if (!final && this.scanned.has(url)) return;
      this.scanned.add(url);
      const result = await new AxeBuilder({ page }).analyze();
      for (const violation of result.violations) {
        this.findings.push({
          url,
          rule: violation.id,
          impact: violation.impact ?? 'unknown',
          targets: violation.nodes.map((node) => node.target.join(' ')),
        });
      }
    } catch (error) {
      if (!pageMovedOn.test(String(error))) this.failures.push(error);
    }
  }

  /** Scans every open tab's final state, waits for the scans under way, and fails on any violation. */
  async finish(): Promise<void> {
    await Promise.all(this.context.pages().map((page) => this.enqueue(page, true)));
    await Promise.all(this.queues.values());
    // Which pages were scanned, for the record (`.build/test-logs/axe-pages.txt`, one path a line).
    mkdirSync('.build/test-logs', { recursive: true });
    const paths = [...this.scanned].map((url) => new URL(url).pathname);
    if (paths.length > 0) appendFileSync('.build/test-logs/axe-pages.txt', `${paths.join('\n')}\n`);
    if (this.failures.length > 0) throw this.failures[0];
    if (this.findings.length === 0) return;
    const lines = this.findings.map(
      (f) =>
        `${f.rule} (${f.impact}) on ${new URL(f.url).pathname}${new URL(f.url).search}: ${f.targets.slice(0, 3).join(', ')}`,
    );
    throw new Error(
      `axe-core found ${this.findings.length} violation(s):\n${[...new Set(lines)].join('\n')}`,
    );
  }
}
