import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { ChannelSchema } from '../../../packages/starlight-charter/schemas/channels';
import { CompanySchema } from '../../../packages/starlight-charter/schemas/company';
import {
  ContactUrlSchema,
  SiteUrlSchema,
  TextOrContactUrlSchema,
  TextOrWebUrlSchema,
  WebUrlSchema,
} from '../../../packages/starlight-charter/schemas/shared';
import { SAMPLE, WEE } from '../../support/sites';

type Schema = {
  safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } };
};

/** The schema's messages for `value`; none when it is accepted. */
function messages(schema: Schema, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

const WEB = 'expected an https:// URL or a site path starting with "/"';
const CONTACT =
  'expected an https:// URL, a site path starting with "/", a mailto: address or a tel: number';
const WEB_TEXT =
  'expected an https:// URL, a site path starting with "/" or a description that does not start with "word:"';
const CONTACT_TEXT =
  'expected an https:// URL, a site path starting with "/", a mailto: address, a tel: number ' +
  'or a description that does not start with "word:"';
const SITE =
  'expected the absolute address the site is published at, like https://support.example.com';

/** Values every link field accepts: web links and site paths. */
const WEB_LINKS = [
  'https://status.example.com',
  'https://example.com/help/?topic=billing#refunds',
  'HTTPS://EXAMPLE.COM/Docs',
  'https://[2001:db8::1]:8443/status',
  'http://intranet.example.com/status',
  '/',
  '/kb/',
  '/kb/api/rate-limit-429/?q=limit#fix',
  '  https://example.com  ',
];

/** Refused everywhere, each with the start of its message (the field's expectation follows). */
const REFUSED_EVERYWHERE: [string, string][] = [
  ['javascript:alert(1)', 'javascript: links are not allowed'],
  ['JavaScript:alert(1)', 'javascript: links are not allowed'],
  ['data:text/html,<script>alert(1)</script>', 'data: links are not allowed'],
  ['file:///etc/passwd', 'file: links are not allowed'],
  ['vbscript:msgbox(1)', 'vbscript: links are not allowed'],
  ['ftp://files.example.com', 'ftp: links are not allowed'],
  ['//evil.example.com/login', '"//evil.example.com/login" is a protocol-relative URL'],
  ['https://user:secret@example.com', 'a URL must not carry a user name or password'],
  ['https://user@example.com', 'a URL must not carry a user name or password'],
  ['https://example.com/a b', 'a URL must not contain spaces or line breaks'],
  ['https://example.com/a\tb', 'a URL must not contain spaces or line breaks'],
  ['/kb/a b', 'a URL must not contain spaces or line breaks'],
  ['/\\evil.example.com', 'a URL must not contain "\\"'],
  ['https:\\\\evil.example.com', 'a URL must not contain "\\"'],
  ['https:evil.example.com', '"https:evil.example.com" lacks the "//" before its host'],
  ['https://', '"https://" is not a valid URL'],
  ['https://example.com:99999/', '"https://example.com:99999/" is not a valid URL'],
];

/** Not URLs: refused where only a link will do, accepted as words where words are allowed. */
const WORDS = ['docs/help', 'status.example.com', 'support@example.com', 'Number in your contract'];

describe('WebUrlSchema', () => {
  test.each(WEB_LINKS)('accepts %j', (value) => {
    expect(messages(WebUrlSchema, value)).toEqual([]);
  });

  test.each(REFUSED_EVERYWHERE)('refuses %j', (value, start) => {
    expect(messages(WebUrlSchema, value)).toEqual([`${start}; ${WEB}`]);
  });

  test.each([
    [
      'mailto:support@example.com',
      'mailto: links are not allowed here (only a contact may use it)',
    ],
    ['tel:+15551234567', 'tel: links are not allowed here (only a contact may use it)'],
    ...WORDS.map((value): [string, string] => [value, `"${value}" is a relative address`]),
  ])('refuses %j', (value, start) => {
    expect(messages(WebUrlSchema, value)).toEqual([`${start}; ${WEB}`]);
  });

  test.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    [42, WEB],
  ])('refuses %j', (value, message) => {
    expect(messages(WebUrlSchema, value)).toEqual([message]);
  });

  test('returns the link as written, trimmed', () => {
    expect(WebUrlSchema.parse('  /kb/  ')).toBe('/kb/');
  });
});

describe('ContactUrlSchema', () => {
  test.each([
    ...WEB_LINKS,
    'mailto:support@example.com',
    'MAILTO:support@example.com',
    'tel:+1-555-123-4567',
  ])('accepts %j', (value) => {
    expect(messages(ContactUrlSchema, value)).toEqual([]);
  });

  test.each([
    ...REFUSED_EVERYWHERE,
    ['mailto:', 'a mailto: link needs an address after "mailto:"'],
    ['tel:', 'a tel: link needs an address after "tel:"'],
    ['tel:+1 555 123', 'a URL must not contain spaces or line breaks'],
    ['sms:+15551234567', 'sms: links are not allowed'],
    ['support@example.com', '"support@example.com" is a relative address'],
  ])('refuses %j', (value, start) => {
    expect(messages(ContactUrlSchema, value)).toEqual([`${start}; ${CONTACT}`]);
  });
});

describe('TextOrWebUrlSchema', () => {
  test.each([...WEB_LINKS, ...WORDS, '#support-critical'])('accepts %j', (value) => {
    expect(messages(TextOrWebUrlSchema, value)).toEqual([]);
  });

  test.each([
    ...REFUSED_EVERYWHERE,
    [
      'mailto:support@example.com',
      'mailto: links are not allowed here (only a contact may use it)',
    ],
    // Words that start like a scheme read as a URL: refused, not silently shown as text.
    ['Slack: set up at onboarding', 'slack: links are not allowed'],
    ['javascript: alert(1)', 'javascript: links are not allowed'],
  ])('refuses %j', (value, start) => {
    expect(messages(TextOrWebUrlSchema, value)).toEqual([`${start}; ${WEB_TEXT}`]);
  });
});

describe('TextOrContactUrlSchema', () => {
  test.each([...WEB_LINKS, ...WORDS, 'mailto:cto@example.com', 'tel:+15551234567'])(
    'accepts %j',
    (value) => {
      expect(messages(TextOrContactUrlSchema, value)).toEqual([]);
    },
  );

  test.each([...REFUSED_EVERYWHERE, ['Pager: ask the lead', 'pager: links are not allowed']])(
    'refuses %j',
    (value, start) => {
      expect(messages(TextOrContactUrlSchema, value)).toEqual([`${start}; ${CONTACT_TEXT}`]);
    },
  );
});

describe('SiteUrlSchema', () => {
  test.each([
    'https://support.example.com',
    'https://example.com/support/',
    'https://example.com/support',
    'http://support.example.com',
  ])('accepts %j', (value) => {
    expect(messages(SiteUrlSchema, value)).toEqual([]);
  });

  test.each([
    ['/support/', '"/support/" is not absolute'],
    ['support.example.com', '"support.example.com" is not absolute'],
    ['//support.example.com', '"//support.example.com" is a protocol-relative URL'],
    ['data:text/html,hi', 'data: is not a web address'],
    ['javascript:alert(1)', 'javascript: is not a web address'],
    ['file:///srv/site', 'file: is not a web address'],
    ['mailto:support@example.com', 'mailto: is not a web address'],
    ['https://admin:pw@support.example.com', 'a URL must not carry a user name or password'],
    ['https://support.example.com/a b', 'a URL must not contain spaces or line breaks'],
    [
      'https://support.example.com/?lang=en',
      'the site address must not have a query string ("?…")',
    ],
    ['https://support.example.com/?', 'the site address must not have a query string ("?…")'],
    ['https://support.example.com/#top', 'the site address must not have a fragment ("#…")'],
  ])('refuses %j', (value, start) => {
    expect(messages(SiteUrlSchema, value)).toEqual([`${start}; ${SITE}`]);
  });
});

describe('every link field', () => {
  const schemas = {
    WebUrlSchema,
    ContactUrlSchema,
    TextOrWebUrlSchema,
    TextOrContactUrlSchema,
    SiteUrlSchema,
  };
  const allowed = new Set(['https', 'http', 'mailto', 'tel']);
  const scheme = fc
    .stringMatching(/^[a-z][a-z0-9+.-]{0,12}$/)
    .filter((s) => !allowed.has(s.toLowerCase()));

  test('refuses any other scheme, whatever follows it', () => {
    fc.assert(
      fc.property(scheme, fc.string({ maxLength: 30 }), (name, rest) => {
        for (const schema of Object.values(schemas)) {
          expect(messages(schema, `${name}:${rest}`).length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('channels', () => {
  const channel = (kind: string, address: string) => ({
    id: 'c',
    name: 'C',
    kind,
    address,
    tiers: ['t'],
  });
  const CHANNEL =
    'expected an https:// URL, a site path starting with "/", a mailto: address (email channels), ' +
    'a tel: number (phone channels) or a description that does not start with "word:"';

  test.each([
    ['email', 'mailto:help@example.com'],
    ['email', 'help@example.com'],
    ['phone', 'tel:+15551234567'],
    ['phone', 'Number in your contract'],
    ['chat', '/support/chat/'],
    ['forum', 'https://forum.example.com'],
  ])('a %s channel accepts %j', (kind, address) => {
    expect(messages(ChannelSchema, channel(kind, address))).toEqual([]);
  });

  test.each([
    [
      'chat',
      'mailto:help@example.com',
      'a mailto: address belongs to an email channel, not a chat channel',
    ],
    ['pager', 'tel:+15551234567', 'a tel: address belongs to a phone channel, not a pager channel'],
    [
      'phone',
      'mailto:help@example.com',
      'a mailto: address belongs to an email channel, not a phone channel',
    ],
    [
      'email',
      'tel:+15551234567',
      'a tel: address belongs to a phone channel, not an email channel',
    ],
  ])('a %s channel refuses %j', (kind, address, start) => {
    expect(messages(ChannelSchema, channel(kind, address))).toEqual([
      `${start}; expected an https:// URL, a site path starting with "/" or a description`,
    ]);
  });

  test.each([
    ['forum', 'javascript:alert(1)', 'javascript: links are not allowed'],
    [
      'github',
      '//github.com/org/repo/issues',
      '"//github.com/org/repo/issues" is a protocol-relative URL',
    ],
    ['chat', 'Slack: set up at onboarding', 'slack: links are not allowed'],
  ])('a %s channel refuses %j', (kind, address, start) => {
    expect(messages(ChannelSchema, channel(kind, address))).toEqual([`${start}; ${CHANNEL}`]);
  });
});

describe('both companies', () => {
  test.each([SAMPLE.terms, WEE.terms])('%s: every link in its data loads', (dir) => {
    const catalog = loadCatalog(dir);
    expect(messages(CompanySchema, catalog.company)).toEqual([]);
    for (const c of catalog.channels.channels) expect(messages(ChannelSchema, c)).toEqual([]);
  });
});
