import { charterHref, getCatalog } from '../../data/site';
import { config } from 'virtual:starlight-charter/config';
import { apiFile, apiSchemaUrl } from '../../lib/api';
import { translator } from '../../lib/i18n';
import { API_ENDPOINTS, type ApiEndpointName } from '../../schemas/api';

/**
 * The response of /api/NAME.json: built once from the Catalog, checked against the schema the
 * site publishes beside it (shapes in schemas/api.ts).
 */
export function apiResponse(name: ApiEndpointName): Response {
  const catalog = getCatalog();
  const schemaUrl = apiSchemaUrl(name, catalog.company.site_url, charterHref('/schemas/'));
  // The words in the JSON are the pages' words, in the site's language.
  const file = API_ENDPOINTS[name].parse(
    apiFile(name, catalog, schemaUrl, translator(config.language)),
  );
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
