// Modules the build makes (scripts/compact-dataset-plugin.ts).
declare module 'virtual:bundled-dataset-info' {
  import type { DatasetInfo } from '@/data/protocol';
  /** What the bundled dataset is: version, date, counts, licence; the dataset itself is read when needed. */
  const info: DatasetInfo;
  export default info;
}
