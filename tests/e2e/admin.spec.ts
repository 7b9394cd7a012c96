/// <reference lib="dom" />
/**
 * The admin screen `/admin` (issue 11, item 5) in Debian's Chromium, against the built dashboard
 * served by the real API: an administrator creates an account and signs in with it, issues a wall
 * token whose copied kiosk link opens the wall and which, revoked, is refused; changes the working
 * calendar; checks a directory file that has a bad row (nothing written) before importing a good
 * one. Each tab passes axe-core with no serious or critical violation; a leader gets no admin
 * screen and the API answers 403. Screenshots at 1440×900 and 1366×768.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { rowsOf, startTestApp, TestApp } from '../support/test-app';
import { buildDashboard } from '../support/build-dashboard';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '../..');
const SCREENSHOTS = join(__dirname, 'screenshots');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const LAPTOP = { width: 1440, height: 900 };
const SMALL_LAPTOP = { width: 1366, height: 768 };
const TABS = ['users', 'keys', 'calendar', 'directory', 'audit', 'setAside'] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`);
}

describe('admin screen /admin', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function signIn(target: Page, username: string, password: string): Promise<void> {
    await target.goto(`${base}/login`);
    await target.fill('input[name=username]', username);
    await target.fill('input[name=password]', password);
    await target.click('button[type=submit]');
  }

  async function openTab(tab: (typeof TABS)[number]): Promise<void> {
    await page.click(`[data-testid=tab-${tab}]`);
    await page.waitForSelector(`#panel-${tab}`);
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `admin-${name}.png`), fullPage: false });
  }

  beforeAll(async () => {
    buildDashboard();
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ now: new Date().toISOString() });
    base = t.url.replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, 'admin', 'demo');
    await page.waitForURL(`${base}/admin`);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates an account with the password policy stated, and the new account signs in', async () => {
    await openTab('users');
    await page.waitForSelector('[data-user=leader]');
    await page.fill('[data-testid=user-form] input[name=username]', 'dieu-hanh');
    await page.fill('[data-testid=user-form] input[name=password]', 'ngắn');
    // Demo mode: 8 characters at least; "ngắn" has 4.
    expect(await page.textContent('[data-testid=password-feedback]')).toBe('Còn thiếu 4 ký tự');
    expect(await page.isDisabled('[data-testid=user-form] button[type=submit]')).toBe(true);
    await page.fill('[data-testid=user-form] input[name=password]', 'điều hành tỉnh');
    expect(await page.textContent('[data-testid=password-feedback]')).toBe('Mật khẩu đạt yêu cầu');
    await page.selectOption('[data-testid=user-form] select[name=role]', 'leader');
    await page.click('[data-testid=user-form] button[type=submit]');
    await page.waitForSelector('[data-user=dieu-hanh]');
    expect(await page.textContent('[data-testid=act-notice]')).toBe('Đã tạo tài khoản dieu-hanh');
    expect(await page.textContent('[data-user=dieu-hanh]')).toContain('Lãnh đạo tỉnh');
    // The same username again: refused, and said in Vietnamese (the API's reason, translated).
    await page.fill('[data-testid=user-form] input[name=username]', 'dieu-hanh');
    await page.fill('[data-testid=user-form] input[name=password]', 'điều hành tỉnh');
    await page.click('[data-testid=user-form] button[type=submit]');
    await page.waitForSelector('[data-testid=act-error]');
    expect(await page.textContent('[data-testid=act-error]')).toBe(
      'Không thực hiện được: Tài khoản dieu-hanh đã có',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('users-1440');

    const other = await browser.newContext({ viewport: LAPTOP });
    const theirs = await other.newPage();
    await signIn(theirs, 'dieu-hanh', 'điều hành tỉnh');
    // A leader lands on the wall (SPEC §8).
    await theirs.waitForURL(`${base}/wall`);
    await other.close();
  });

  it('changes the role and unit of an account, and disables it', async () => {
    const row = '[data-user=dieu-hanh]';
    await page.click(`${row} button:has-text("Đổi vai trò/đơn vị")`);
    await page.selectOption(`${row} select >> nth=0`, 'district_chief');
    await page.selectOption(`${row} select >> nth=1`, '689');
    await page.click(`${row} button:has-text("Lưu")`);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('(689)'),
      row,
    );
    await page.click(`${row} button:has-text("Khóa")`);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('Đã khóa'),
      row,
    );
    const users = rowsOf<{ username: string }>(
      await t.get('/api/v1/admin/users', await t.login('admin')),
    );
    expect(users.find((user) => user.username === 'dieu-hanh')).toEqual({
      username: 'dieu-hanh',
      role: 'district_chief',
      unitCode: '689',
      agencyCode: null,
      disabled: true,
    });
  });

  it('issues a wall token shown once with a kiosk link that opens the wall; revoked, it is refused', async () => {
    await openTab('keys');
    await page.fill('[data-testid=key-form] input[name=name]', 'Màn hình phòng họp');
    await page.selectOption('[data-testid=key-form] select[name=scope]', '689');
    await page.click('[data-testid=key-form] button[type=submit]');
    await page.waitForSelector('[data-testid=issued-key]');
    const secret = await page.inputValue('[data-testid=issued-secret]');
    expect(secret).toMatch(/^wall_/);
    const link = await page.inputValue('[data-testid=kiosk-link]');
    expect(link).toBe(`${base}/wall?token=${secret}&scope=689`);
    await page.click('[data-testid=copy-link]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(link);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('keys-1440');

    // The kiosk opens the link: the wall, of Đồng Xoài only.
    const kiosk = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await kiosk.newPage();
    await wall.goto(copied);
    await wall.waitForSelector('[data-testid=wall]');
    expect(wall.url()).toBe(`${base}/wall?scope=689`);
    expect((await t.get('/api/v1/metrics/summary', secret)).body).toMatchObject({ scope: '689' });

    // Once dismissed, the key is gone from the screen; the list names it, never shows it.
    await page.click('[data-testid=issued-key] button.primary');
    expect(await page.$('[data-testid=issued-key]')).toBeNull();
    expect(await page.textContent('[data-testid=keys-table]')).not.toContain(secret);
    await page.click('[data-testid=keys-table] button[aria-label="Thu hồi Màn hình phòng họp"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=keys-table]')?.textContent?.includes('Đã thu hồi'),
    );
    expect((await t.get('/api/v1/metrics/summary', secret)).status).toBe(401);
    // The wall already open is cut within seconds, and a fresh one is refused.
    await wall.waitForURL(/\/login/, { timeout: 15_000 });
    await kiosk.close();
    const after = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const refused = await after.newPage();
    await refused.goto(link);
    await refused.waitForURL(/\/login/);
    await after.close();
  });

  it("shows a year's calendar with named holidays; adds, swaps and removes days", async () => {
    await openTab('calendar');
    const year = new Date().getFullYear();
    await page.waitForSelector(`[data-date="${year}-01-01"]`);
    // New Year's Day is a named holiday; a Saturday is a weekend.
    expect(await page.getAttribute(`[data-date="${year}-01-01"]`, 'data-kind')).toBe('holiday');
    expect(await page.getAttribute(`[data-date="${year}-01-01"]`, 'aria-label')).toContain(
      'Tết Dương lịch',
    );
    expect(await page.textContent('[data-testid=named-days]')).toContain('Tết Dương lịch');
    // The first Wednesday of July: an ordinary working day, made a day off.
    const day = `${year}-07-0${1 + ((3 - new Date(Date.UTC(year, 6, 1)).getUTCDay() + 7) % 7)}`;
    expect(await page.getAttribute(`[data-date="${day}"]`, 'data-kind')).toBe('working');
    await page.click(`[data-date="${day}"]`);
    // The arrow keys walk the grid: right, then back left, to the same day.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe(day);
    await page.fill('[data-testid=calendar-day] input[name=note]', 'Nghỉ bão');
    await page.click('[data-testid=calendar-day] button:has-text("Đặt thành ngày nghỉ")');
    await page.waitForSelector(`[data-date="${day}"][data-kind=holiday].operator`);
    expect(await page.textContent('[data-testid=calendar-day-reason]')).toBe(
      'Điều chỉnh của quản trị — Nghỉ bão',
    );
    expect(await page.textContent('[data-testid=named-days]')).toContain('Nghỉ bão');
    const overrides = rowsOf(await t.get('/api/v1/calendar/overrides', await t.login('admin')));
    expect(overrides).toEqual([{ date: day, working: false, note: 'Nghỉ bão' }]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('calendar-1440');

    // The Friday after it swapped with the Saturday: off and made up, in one act.
    const plus = (days: number) =>
      new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const [friday, saturday] = [plus(2), plus(3)];
    await page.fill('[data-testid=swap-form] input[name=dayOff]', friday);
    await page.fill('[data-testid=swap-form] input[name=workingDay]', saturday);
    await page.fill('[data-testid=swap-form] input[name=swapNote]', 'Hoán đổi');
    await page.click('[data-testid=swap-form] button[type=submit]');
    await page.waitForSelector(`[data-date="${friday}"][data-kind=holiday].operator`);
    expect(await page.getAttribute(`[data-date="${saturday}"]`, 'data-kind')).toBe('makeUp');
    // The day off added first, removed: an ordinary working day again.
    await page.click(`[data-date="${day}"]`);
    await page.click('[data-testid=calendar-day] button:has-text("Bỏ điều chỉnh")');
    await page.waitForSelector(`[data-date="${day}"][data-kind=working]:not(.operator)`);
  });

  it('previews a directory file with a per-row error and writes nothing until confirmed', async () => {
    await openTab('directory');
    const csv = (rows: string[]) => ({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['code,name,level,parentCode', ...rows].join('\n')),
    });
    const unitCodes = async () =>
      rowsOf<{ code: string }>(await t.get('/api/v1/directory/units', await t.login('admin'))).map(
        (unit) => unit.code,
      );
    await page.setInputFiles(
      '[data-testid=import-form] input[type=file]',
      csv([
        '25981,Xã Thử Nghiệm,commune,689',
        '25982,Xã Sai Cấp,village,689',
        '25983,Xã Mồ Côi,commune,KHONG-CO',
      ]),
    );
    await page.click('[data-testid=import-form] button[type=submit]');
    await page.waitForSelector('[data-testid=import-problems]');
    expect(await page.textContent('[data-testid=import-verdict]')).toContain('Tệp có 2 lỗi');
    const problems = await page.$$eval('[data-testid=import-problems] tbody tr', (rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim())),
    );
    // In the screen's language, from the API's reasons: no English left.
    expect(problems).toEqual([
      [
        'Đơn vị hành chính',
        '3',
        '25982',
        'level',
        'Phải là một trong các giá trị: province, district, commune',
      ],
      ['Đơn vị hành chính', '4', '25983', 'parentCode', 'Không có đơn vị cha mã KHONG-CO'],
    ]);
    expect(await page.$('[data-testid=import-confirm]')).toBeNull();
    expect(await unitCodes()).not.toContain('25981');
    await screenshot('directory-1440');

    await page.setInputFiles(
      '[data-testid=import-form] input[type=file]',
      csv(['25981,Xã Thử Nghiệm,commune,689']),
    );
    await page.click('[data-testid=import-form] button[type=submit]');
    await page.waitForSelector('[data-testid=import-confirm]');
    expect(await page.textContent('[data-testid=import-changes] [data-section=units]')).toContain(
      '+ 25981',
    );
    expect(await unitCodes()).not.toContain('25981');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=act-notice]');
    expect(await page.textContent('[data-testid=act-notice]')).toBe('Đã nhập danh mục');
    expect(await unitCodes()).toContain('25981');
  });

  it('lists the acts in the audit log, with who did them, filtered by action', async () => {
    await openTab('audit');
    await page.waitForSelector('[data-testid=audit-table] tbody tr[data-action]');
    const actions = await page.$$eval('[data-testid=audit-table] tbody tr', (rows) =>
      rows.map((row) => row.getAttribute('data-action')),
    );
    // Latest first: the import, the calendar, the token revoked and issued, the account.
    expect(actions).toEqual([
      'directory.import',
      'calendar.override_remove',
      'calendar.swap',
      'calendar.override_set',
      'wall_token.revoke',
      'wall_token.issue',
      'user.update',
      'user.update',
      'user.create',
    ]);
    const first = await page.$$eval('[data-testid=audit-table] tbody tr:first-child td', (cells) =>
      cells.map((cell) => cell.textContent?.trim()),
    );
    expect(first.slice(1, 4)).toEqual(['admin', 'Nhập danh mục', 'units']);
    await page.selectOption('[data-testid=audit-filters] select[name=action]', 'wall_token.revoke');
    await page.click('[data-testid=audit-filters] button[type=submit]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid=audit-table] tbody tr[data-action]').length === 1,
    );
    expect(await page.textContent('[data-testid=audit-table] tbody')).toContain(
      'Thu hồi mã màn hình',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('audit-1440');
  });

  it('lists the dossiers set aside, and is keyboard navigable between tabs', async () => {
    await openTab('setAside');
    await page.waitForSelector('[data-testid=set-aside-table]');
    expect(await page.textContent('[data-testid=set-aside-table]')).toContain(
      'Không có hồ sơ nào bị tách riêng.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.focus('[data-testid=tab-setAside]');
    await page.keyboard.press('Home');
    await page.waitForSelector('#panel-users');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-users');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#panel-setAside');
  });

  it('reads the same in English, and fits a 1366×768 laptop', async () => {
    await page.setViewportSize(SMALL_LAPTOP);
    for (const tab of TABS) {
      await openTab(tab);
      await page.waitForTimeout(300);
      await screenshot(`${tab}-1366`);
    }
    await page.click('[data-testid=language-switch]');
    await openTab('users');
    expect(await page.textContent('[data-testid=page-heading]')).toBe('Administration');
    expect(await page.textContent('[data-testid=tab-keys]')).toBe('Keys and walls');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('users-en-1366');
    await page.click('[data-testid=language-switch]');
    await page.setViewportSize(LAPTOP);
  });

  it('gives a non-admin no admin screen, and the API answers 403', async () => {
    const other = await browser.newContext({ viewport: LAPTOP });
    const theirs = await other.newPage();
    await signIn(theirs, 'leader', 'demo');
    await theirs.waitForURL(`${base}/wall`);
    await theirs.goto(`${base}/admin`);
    await theirs.waitForURL(/\/no-access/);
    expect(await theirs.$('[role=tablist]')).toBeNull();
    await other.close();
    const leader = await t.login('leader');
    for (const path of ['/api/v1/admin/users', '/api/v1/admin/keys', '/api/v1/admin/set-aside'])
      expect((await t.get(path, leader)).status).toBe(403);
    expect(consoleErrors.filter((text) => !/status of 40[0-9]/.test(text))).toEqual([]);
  });
});
