import type { auditZhCN } from './zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const auditEn: Strings<typeof auditZhCN> = {
  title: 'History',
  empty: 'No changes recorded',
  actions: {
    create: 'Created',
    update: 'Changed',
    delete: 'Deleted',
    restore: 'Restored',
    merge: 'Merged',
    merged_into: 'Merged into another',
    transition: 'Stage change',
    convert: 'Converted to project',
  },
  field: 'Field',
  before: 'Before',
  after: 'After',
  noChanges: 'No field changed',
  system: 'System',
  created: 'created the record',
};
