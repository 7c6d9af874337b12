import type { Company } from '../../packages/starlight-charter/schemas/company';
import type { CardInput } from '../../packages/starlight-charter/lib/og/card';

/** Cards as the company's pages ask for them: a KB card with `title`, unless `extra` says otherwise. */
export function cardFor(company: Company, host: string) {
  return (title: string, extra: Partial<CardInput> = {}): CardInput => ({
    title,
    section: 'Knowledge base',
    detail: '',
    company: company.name,
    brandColor: company.brand_color,
    host,
    ...extra,
  });
}
