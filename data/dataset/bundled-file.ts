/** The bundled dataset's file in the package, in compact form (scripts/compact-dataset-plugin.ts writes it). */
export const BUNDLED_DATASET_FILE = 'bundled-dataset.json';
