import { describe, expect, it } from 'vitest';
import { EnvError } from '#db/env.ts';
import { deliveryNotice } from '~/delivery/jobs.server.ts';
import { parseEnv, resetEnv } from '~/lib/env.server.ts';

const issuesOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return 'parsed';
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
};

describe('mail and SMS settings', () => {
  it('keeps mail and SMS by default, with the dev mailbox on a development build only', () => {
    expect(parseEnv({})).toMatchObject({ smtpUrl: null, smsGateway: null, mailFrom: 'Baan <no-reply@baan.localhost>', devMailbox: true });
    expect(parseEnv({ NODE_ENV: 'production' }).devMailbox).toBe(false);
    expect(parseEnv({ NODE_ENV: 'production', DEV_MAILBOX: '1' }).devMailbox).toBe(true);
  });

  it('reads an SMTP URL with its sender, and a gateway with its token', () => {
    const parsed = parseEnv({
      SMTP_URL: 'smtps://baan:s%40cret@mail.example.org:465',
      MAIL_FROM: 'Baan Tả Van <no-reply@baan.example.org>',
      SMS_GATEWAY_URL: 'https://sms.example.org/send',
      SMS_GATEWAY_TOKEN: ' tok ',
    });
    expect(parsed).toMatchObject({
      smtpUrl: 'smtps://baan:s%40cret@mail.example.org:465',
      mailFrom: 'Baan Tả Van <no-reply@baan.example.org>',
      smsGateway: { url: 'https://sms.example.org/send', token: 'tok' },
    });
  });

  it('stops the start on a malformed or incomplete setting, naming it', () => {
    expect(issuesOf({ SMTP_URL: 'mail.example.org', MAIL_FROM: 'a@b.org' })).toMatch(/SMTP_URL.*smtp:\/\/ or smtps:\/\//s);
    expect(issuesOf({ SMTP_URL: 'https://mail.example.org', MAIL_FROM: 'a@b.org' })).toMatch(/SMTP_URL/);
    expect(issuesOf({ SMTP_URL: 'smtp://mail.example.org' })).toMatch(/MAIL_FROM.*must be set when SMTP_URL is set/s);
    expect(issuesOf({ MAIL_FROM: 'Baan' })).toMatch(/MAIL_FROM/);
    expect(issuesOf({ SMS_GATEWAY_URL: 'ftp://sms.example.org' })).toMatch(/SMS_GATEWAY_URL/);
    expect(issuesOf({ SMS_GATEWAY_URL: 'https://sms.example.org/send' })).toMatch(/SMS_GATEWAY_TOKEN.*must be set/s);
  });

  it('says at start which channels are kept and where to read them', () => {
    const saved = { ...process.env };
    try {
      for (const key of ['SMTP_URL', 'MAIL_FROM', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'DEV_MAILBOX']) delete process.env[key];
      process.env.NODE_ENV = 'production';
      resetEnv();
      expect(deliveryNotice()).toBe(
        'Baan keeps mail (no SMTP_URL) and SMS (no SMS_GATEWAY_URL) instead of sending: they are in the table outbound_messages; set DEV_MAILBOX=1 to read them at /dev/mail as an operator.',
      );
      process.env.NODE_ENV = 'development';
      process.env.SMS_GATEWAY_URL = 'https://sms.example.org/send';
      process.env.SMS_GATEWAY_TOKEN = 't';
      resetEnv();
      expect(deliveryNotice()).toBe('Baan keeps mail (no SMTP_URL) instead of sending: read them at /dev/mail.');
      process.env.SMTP_URL = 'smtp://mail.example.org';
      process.env.MAIL_FROM = 'no-reply@baan.example.org';
      resetEnv();
      expect(deliveryNotice()).toBeNull();
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      resetEnv();
    }
  });
});
