/** One schema per data file; the loader, the JSON Schema export and tests read this map. */
import { ChannelsFileSchema } from './channels.ts';
import { CompanySchema } from './company.ts';
import { CreditsFileSchema } from './credits.ts';
import { EscalationFileSchema } from './escalation.ts';
import { FeaturesFileSchema } from './features.ts';
import { KbFileSchema } from './kb.ts';
import { PlaybookFileSchema } from './playbook.ts';
import { PricingFileSchema } from './pricing.ts';
import { ProcessFileSchema } from './process.ts';
import { RoiFileSchema } from './roi.ts';
import { ServicesFileSchema } from './services.ts';
import { SeveritiesFileSchema } from './severities.ts';
import { SlaFileSchema } from './sla.ts';
import { TiersFileSchema } from './tiers.ts';

export const DATA_FILES = {
  company: CompanySchema,
  tiers: TiersFileSchema,
  pricing: PricingFileSchema,
  severities: SeveritiesFileSchema,
  sla: SlaFileSchema,
  credits: CreditsFileSchema,
  escalation: EscalationFileSchema,
  channels: ChannelsFileSchema,
  features: FeaturesFileSchema,
  process: ProcessFileSchema,
  services: ServicesFileSchema,
  roi: RoiFileSchema,
  kb: KbFileSchema,
  playbook: PlaybookFileSchema,
} as const;

export type DataFileName = keyof typeof DATA_FILES;

export * from './channels.ts';
export * from './company.ts';
export * from './credits.ts';
export * from './escalation.ts';
export * from './features.ts';
export * from './kb.ts';
export * from './playbook.ts';
export * from './pricing.ts';
export * from './process.ts';
export * from './roi.ts';
export * from './services.ts';
export * from './severities.ts';
export * from './shared.ts';
export * from './sla.ts';
export * from './tiers.ts';
