export {
  catalogIn,
  loadCatalog,
  loadData,
  translationGaps,
  type Catalog,
  type LoadedData,
  type RawCatalog,
} from './load.ts';
export { DataError, formatIssue, type DataIssue } from './issues.ts';
