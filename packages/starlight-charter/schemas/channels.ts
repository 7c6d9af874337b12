import { z } from 'zod';
import { schemeOf } from './url.ts';
import { IdSchema, LinkSchema, TextSchema, type Localized } from './shared.ts';
import { orTextByLanguage } from './text.ts';

const CHANNEL_KINDS = [
  'email',
  'chat',
  'phone',
  'pager',
  'github',
  'forum',
  'portal',
  'video',
  'on-site',
] as const;

/** The contact scheme each kind of channel may link with; other kinds take web links only. */
const CONTACT_SCHEME_OF_KIND: Partial<Record<(typeof CHANNEL_KINDS)[number], string>> = {
  email: 'mailto',
  phone: 'tel',
};

/**
 * Where to reach a channel: an https:// URL or a site path (`/…`), a `mailto:` address (email
 * channels only) or `tel:` number (phone channels only), a plain e-mail address, or words saying
 * where to find it ("Number in your contract"). A value that starts with a scheme (`name:`) is
 * read as a URL, so words must not start with "word:".
 */
const ADDRESS_EXPECTED =
  'expected an https:// URL, a site path starting with "/", a mailto: address (email channels), ' +
  'a tel: number (phone channels) or a description that does not start with "word:"';
const ChannelAddressSchema = LinkSchema(
  { text: true, contact: ['mailto', 'tel'] },
  {
    description:
      'An https:// URL, a site path, a mailto: address (email channels), a tel: number (phone channels), or words that do not start with "word:"',
    expected: ADDRESS_EXPECTED,
  },
);

/** channels.yaml — read by the priority-support page, KB "still stuck?" and lint. */
export const ChannelSchema = z
  .strictObject({
    id: IdSchema,
    name: TextSchema,
    kind: z.enum(CHANNEL_KINDS, { error: `expected one of: ${CHANNEL_KINDS.join(', ')}` }),
    // Words may be given by language ({ de: "…", en: "…" }); a link reads the same in each.
    address: orTextByLanguage(
      ChannelAddressSchema,
      `${ADDRESS_EXPECTED}, or the words by language: { de: "…", en: "…" }`,
    ),
    tiers: z.array(IdSchema).min(1, { error: 'list at least one tier' }),
  })
  .superRefine((channel, ctx) => {
    if (typeof channel.address !== 'string') return;
    const scheme = schemeOf(channel.address);
    if (
      (scheme === 'mailto' || scheme === 'tel') &&
      CONTACT_SCHEME_OF_KIND[channel.kind] !== scheme
    ) {
      const owner = scheme === 'mailto' ? 'an email' : 'a phone';
      const kind = `${/^[aeiou]/.test(channel.kind) ? 'an' : 'a'} ${channel.kind}`;
      ctx.addIssue({
        code: 'custom',
        path: ['address'],
        message: `a ${scheme}: address belongs to ${owner} channel, not ${kind} channel; expected an https:// URL, a site path starting with "/" or a description`,
      });
    }
  });

export const ChannelsFileSchema = z.strictObject({ channels: z.array(ChannelSchema).min(1) });

export type Channel = Localized<z.output<typeof ChannelSchema>>;
export type ChannelsFile = Localized<z.output<typeof ChannelsFileSchema>>;
