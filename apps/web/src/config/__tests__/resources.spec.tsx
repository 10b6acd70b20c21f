import { lazy } from 'react';
import { menuFor, quickLinksFor, resourceAt, RESOURCES, type ConsoleResource } from '../resources';

const keysOf = (entries: ReturnType<typeof menuFor>) =>
  entries.map((entry) =>
    entry.kind === 'item' ? entry.resource.key : `${entry.group}: ${entry.children.map((r) => r.key).join(', ')}`,
  );

describe('console resources', () => {
  it('gives every page a unique key and path', () => {
    expect(new Set(RESOURCES.map((r) => r.key)).size).toBe(RESOURCES.length);
    expect(new Set(RESOURCES.map((r) => r.path)).size).toBe(RESOURCES.length);
  });

  it('shows an admin the home page and the administration group', () => {
    expect(keysOf(menuFor('admin'))).toEqual([
      'home',
      'dashboard',
      'crm: chains, companies, leads, projects, project-board, imports',
      'events: roadshows, delegations',
      'aftercare: aftercare-mine, aftercare-companies, aftercare-requests, aftercare-review, aftercare-stats, aftercare-cultivation',
      'promotion: promo-projects',
      'admin: users, teams, org-units',
    ]);
  });

  it('shows staff and leaders the core CRM pages and no administration group at all', () => {
    const everyone = [
      'home',
      'dashboard',
      'crm: chains, companies, leads, projects, project-board, imports',
      'events: roadshows, delegations',
      'aftercare: aftercare-mine, aftercare-companies, aftercare-requests, aftercare-cultivation',
      'promotion: promo-projects',
    ];
    expect(keysOf(menuFor('staff'))).toEqual(everyone);
    expect(keysOf(menuFor('leader'))).toEqual([
      'home',
      'dashboard',
      'crm: chains, companies, leads, projects, project-board, imports',
      'events: roadshows, delegations',
      'aftercare: aftercare-mine, aftercare-companies, aftercare-requests, aftercare-review, aftercare-stats, aftercare-cultivation',
      'promotion: promo-projects',
    ]);
  });

  it('adds a new page to the menu from one entry, grouped or not', () => {
    const page = lazy(async () => ({ default: () => null }));
    const extra: ConsoleResource[] = [
      ...RESOURCES,
      { key: 'reports', path: '/reports', label: 'home', icon: null, page, menu: {} },
      { key: 'hidden', path: '/hidden', label: 'home', icon: null, page, menu: false },
    ];

    expect(keysOf(menuFor('staff', extra))).toEqual([
      'home',
      'dashboard',
      'crm: chains, companies, leads, projects, project-board, imports',
      'events: roadshows, delegations',
      'aftercare: aftercare-mine, aftercare-companies, aftercare-requests, aftercare-cultivation',
      'promotion: promo-projects',
      'reports',
    ]);
  });

  it('finds the page of a location, deepest path first', () => {
    expect(resourceAt('/')?.key).toBe('home');
    expect(resourceAt('/admin/users')?.key).toBe('users');
    expect(resourceAt('/admin/users/123')?.key).toBe('users');
    expect(resourceAt('/admin/usersx')).toBeUndefined();
    expect(resourceAt('/nowhere')).toBeUndefined();
    expect(resourceAt('/projects/board')?.key).toBe('project-board');
    expect(resourceAt('/projects/6f1c0d2e-0000-4000-8000-000000000001')?.key).toBe('projects');
    expect(resourceAt('/companies/6f1c0d2e-0000-4000-8000-000000000001')?.key).toBe('companies');
    expect(resourceAt('/promo-projects/6f1c0d2e-0000-4000-8000-000000000001/stats')?.key).toBe('promo-projects');
  });

  it('offers quick links only to pages the role may open', () => {
    const crm = ['chains', 'companies', 'leads', 'projects', 'project-board'];
    expect(quickLinksFor('admin').map((r) => r.key)).toEqual([...crm, 'promo-projects', 'users', 'teams', 'org-units']);
    expect(quickLinksFor('staff').map((r) => r.key)).toEqual([...crm, 'promo-projects']);
  });
});
