import sharp from 'sharp';
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

/** A PNG file's size as sharp reads it; null for anything that is not a PNG. */
export async function pngSize(
  png: string | Buffer,
): Promise<{ width: number; height: number } | null> {
  const meta = await sharp(png)
    .metadata()
    .catch(() => null);
  return meta?.format === 'png' ? { width: meta.width, height: meta.height } : null;
}
