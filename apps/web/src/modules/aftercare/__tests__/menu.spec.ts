import { aftercarePaths } from '@lianqiao/contracts';
import { canOpen, menuFor, resourceAt } from '../../../config/resources';

const aftercareGroup = (role: 'admin' | 'leader' | 'staff') => {
  const group = menuFor(role).find((entry) => entry.kind === 'group' && entry.group === 'aftercare');
  return group?.kind === 'group' ? group.children.map((r) => r.key) : [];
};

describe('aftercare in the console’s menu', () => {
  it('gives everyone their enterprises, the companies, the requests and the pool; leaders also review and statistics', () => {
    expect(aftercareGroup('staff')).toEqual([
      'aftercare-mine',
      'aftercare-companies',
      'aftercare-requests',
      'aftercare-cultivation',
    ]);
    for (const role of ['leader', 'admin'] as const) {
      expect(aftercareGroup(role)).toEqual([
        'aftercare-mine',
        'aftercare-companies',
        'aftercare-requests',
        'aftercare-review',
        'aftercare-stats',
        'aftercare-cultivation',
      ]);
    }
  });

  it('opens the pages notifications link to: a request and a company', () => {
    expect(resourceAt(aftercarePaths.request('6f1c0d2e-0000-4000-8000-000000000001'))?.key).toBe('aftercare-requests');
    expect(resourceAt(aftercarePaths.company('6f1c0d2e-0000-4000-8000-000000000001'))?.key).toBe('aftercare-companies');
    expect(canOpen(resourceAt('/aftercare/stats')!, 'staff')).toBe(false);
  });
});
