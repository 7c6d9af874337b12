import type { APIRoute } from 'astro';

/** The JSON Schemas of the terms files and of the JSON API, published beside the API. */
const FILES = import.meta.glob<string>('../json-schemas/**/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export function getStaticPaths() {
  return Object.entries(FILES).map(([file, text]) => ({
    params: { file: file.replace('../json-schemas/', '') },
    props: { text },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(props.text as string, { headers: { 'Content-Type': 'application/json' } });
