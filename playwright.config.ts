import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Each run serves the built app on a fresh embedded database, seeded on first start.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'baan-e2e-'));
process.env.E2E_FALLBACK_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'baan-e2e-fallback-'));
const port = Number(process.env.E2E_PORT ?? 3210);
/** A second server whose configured map style is unreachable, to prove the offline fallback. */
export const FALLBACK_PORT = port + 1;
/** The delivery fakes (tests/support/fakes.ts): what the app sends arrives there, and journeys read it back. */
export const FAKES_PORT = port + 10;
const FAKES_SMTP_PORT = port + 11;
const FAKES_SMS_PORT = port + 12;
const FAKES_SMS_TOKEN = 'e2e-sms-token';
/** What the fake relay presents to Baan's bounce hook (MAIL_BOUNCE_TOKEN: 32 characters at least). */
const BOUNCE_TOKEN = 'e2e-bounce-token-of-thirty-two-characters';
process.env.E2E_FAKES_URL ??= `http://127.0.0.1:${FAKES_PORT}`;

export default defineConfig({
  // Journeys (tests/e2e) and the security replay of every probe finding (tests/security), against
  // the same built app over HTTP.
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'security/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
      ],
    },
  },
  projects: [{ name: 'phone', use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 }, isMobile: false, hasTouch: true } }],
  webServer: [
    {
      command: 'node --import tsx tests/support/fakes.ts',
      url: `http://127.0.0.1:${FAKES_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      env: {
        FAKES_HTTP_PORT: String(FAKES_PORT),
        FAKES_SMTP_PORT: String(FAKES_SMTP_PORT),
        FAKES_SMS_PORT: String(FAKES_SMS_PORT),
        FAKES_SMS_TOKEN,
        FAKES_BOUNCE_URL: `http://localhost:${port}/hooks/mail/bounces`,
        FAKES_BOUNCE_TOKEN: BOUNCE_TOKEN,
      },
    },
    {
      command: 'node --import tsx server/start.ts',
      url: `http://localhost:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        DATA_DIR: process.env.E2E_DATA_DIR,
        DATABASE_URL: '',
        NODE_ENV: 'production',
        // As behind one proxy: the journeys all come from loopback, while a security test that
        // throttles or limits itself sends an X-Forwarded-For address of its own.
        TRUST_PROXY: '1',
        // Set up as a public server is: PUBLIC_URL names it (links in mail sent by the job runner,
        // feeds, invitations). The second server below runs without it, for the refusals.
        PUBLIC_URL: `http://localhost:${port}`,
        // Mail and SMS go to the loopback fakes above; journeys read them with readMail / readSms.
        SMTP_URL: `smtp://baan:sink-secret@127.0.0.1:${FAKES_SMTP_PORT}`,
        MAIL_FROM: 'Baan <no-reply@baan.test>',
        MAIL_BOUNCE_TOKEN: BOUNCE_TOKEN,
        SMS_GATEWAY_URL: `http://127.0.0.1:${FAKES_SMS_PORT}/send`,
        SMS_GATEWAY_TOKEN: FAKES_SMS_TOKEN,
      },
    },
    {
      command: 'node --import tsx server/start.ts',
      url: `http://localhost:${FALLBACK_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        PORT: String(FALLBACK_PORT),
        DATA_DIR: process.env.E2E_FALLBACK_DATA_DIR,
        DATABASE_URL: '',
        NODE_ENV: 'production',
        // Port 9 (discard) on loopback: nothing answers, as when the tile host is down.
        MAP_STYLE_URL: 'http://127.0.0.1:9/style.json',
      },
    },
  ],
});
