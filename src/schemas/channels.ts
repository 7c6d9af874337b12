import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';

/** data/channels.yaml — read by the priority-support page, KB "still stuck?" and lint. */
export const ChannelSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  kind: z.enum(['email', 'chat', 'phone', 'pager', 'github', 'forum', 'portal', 'video', 'on-site'], {
    error: 'expected one of: email, chat, phone, pager, github, forum, portal, video, on-site',
  }),
  /** Address, URL or where to find it. */
  address: TextSchema,
  tiers: z.array(IdSchema).min(1, { error: 'list at least one tier' }),
});

export const ChannelsFileSchema = z.strictObject({ channels: z.array(ChannelSchema).min(1) });

export type Channel = z.output<typeof ChannelSchema>;
export type ChannelsFile = z.output<typeof ChannelsFileSchema>;
