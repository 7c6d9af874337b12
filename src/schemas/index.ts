/** One schema per data file; the loader, the JSON Schema export and tests read this map. */
import { ChannelsFileSchema } from './channels';
import { CompanySchema } from './company';
import { CreditsFileSchema } from './credits';
import { EscalationFileSchema } from './escalation';
import { FeaturesFileSchema } from './features';
import { KbFileSchema } from './kb';
import { PlaybookFileSchema } from './playbook';
import { PricingFileSchema } from './pricing';
import { ProcessFileSchema } from './process';
import { RoiFileSchema } from './roi';
import { ServicesFileSchema } from './services';
import { SeveritiesFileSchema } from './severities';
import { SlaFileSchema } from './sla';
import { TiersFileSchema } from './tiers';

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

export * from './channels';
export * from './company';
export * from './credits';
export * from './escalation';
export * from './features';
export * from './kb';
export * from './playbook';
export * from './pricing';
export * from './process';
export * from './roi';
export * from './services';
export * from './severities';
export * from './shared';
export * from './sla';
export * from './tiers';
