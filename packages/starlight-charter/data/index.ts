export { loadCatalog, loadData, type Catalog, type LoadedData } from './load.ts';
export { DataError, formatIssue, type DataIssue } from './issues.ts';
