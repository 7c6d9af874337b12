import { charterHref, getCatalog } from '../../data/site';
import { apiFile, apiSchemaUrl } from '../../lib/api';
import { API_ENDPOINTS, type ApiEndpointName } from '../../schemas/api';

/**
 * The response of /api/NAME.json: built once from the Catalog, checked against the schema the
 * site publishes beside it (shapes in schemas/api.ts).
 */
export function apiResponse(name: ApiEndpointName): Response {
  const catalog = getCatalog();
  const schemaUrl = apiSchemaUrl(name, catalog.company.site_url, charterHref('/schemas/'));
  const file = API_ENDPOINTS[name].parse(apiFile(name, catalog, schemaUrl));
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
