import { ADMIN_ROLES, ROLES_SEEING_ALL_TEAMS } from '@lianqiao/domain';
import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  BellOutlined,
  BulbOutlined,
  CalendarOutlined,
  CarOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  ImportOutlined,
  MessageOutlined,
  QrcodeOutlined,
  RiseOutlined,
  RocketOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Role } from '@lianqiao/contracts';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Messages } from '../shared/i18n/zh-CN';

/** A label under `menu.` and a description under `home.linkDescriptions.` in the i18n resources. */
export type MenuLabel = keyof Messages['menu'];
export type LinkDescription = keyof Messages['home']['linkDescriptions'];

/**
 * The console's pages, its menu and who may open what — in this one table. A feature adds its
 * page by adding one entry; the router, the side menu and the home page's quick links read it.
 * Only pages that exist are listed, so the menu never offers a page that is not there.
 */

/** Menu groups: a group shows only when the user may see at least one of its pages. */
export const MENU_GROUPS = {
  crm: { label: 'crm', icon: <RocketOutlined /> },
  events: { label: 'events', icon: <CalendarOutlined /> },
  aftercare: { label: 'aftercare', icon: <SafetyCertificateOutlined /> },
  promotion: { label: 'promotion', icon: <QrcodeOutlined /> },
  admin: { label: 'admin', icon: <SettingOutlined /> },
} as const satisfies Record<string, { label: MenuLabel; icon: ReactNode }>;
export type MenuGroup = keyof typeof MENU_GROUPS;

export interface ConsoleResource {
  /** Unique; also the menu item's key. */
  key: string;
  /** The route, absolute. */
  path: string;
  /** The menu label and page title: `menu.<label>` in the i18n resources. */
  label: MenuLabel;
  icon: ReactNode;
  /** The page, loaded on first visit so the first download stays small. */
  page: LazyExoticComponent<ComponentType>;
  /** Who may open it; everyone signed in when absent. The API enforces the same. */
  roles?: readonly Role[];
  /** Where it sits in the side menu: a group, the top level, or nowhere. */
  menu?: { group?: MenuGroup } | false;
  /** A one-line description makes it a quick link on the home page. */
  description?: LinkDescription;
}

export const RESOURCES: readonly ConsoleResource[] = [
  {
    key: 'home',
    path: '/',
    label: 'home',
    icon: <HomeOutlined />,
    page: lazy(() => import('../pages/home/HomePage')),
    menu: {},
  },
  {
    key: 'dashboard',
    path: '/dashboard',
    label: 'dashboard',
    icon: <DashboardOutlined />,
    page: lazy(() => import('../pages/dashboard/DashboardPage')),
    menu: {},
  },
  {
    key: 'chains',
    path: '/chains',
    label: 'chains',
    icon: <DeploymentUnitOutlined />,
    page: lazy(() => import('../pages/chains/ChainMapPage')),
    menu: { group: 'crm' },
    description: 'chains',
  },
  {
    key: 'companies',
    path: '/companies',
    label: 'companies',
    icon: <ShopOutlined />,
    page: lazy(() => import('../pages/companies/CompaniesPage')),
    menu: { group: 'crm' },
    description: 'companies',
  },
  {
    key: 'company',
    path: '/companies/:id',
    label: 'companies',
    icon: <ShopOutlined />,
    page: lazy(() => import('../pages/companies/CompanyDetailPage')),
    menu: false,
  },
  {
    key: 'leads',
    path: '/leads',
    label: 'leads',
    icon: <BulbOutlined />,
    page: lazy(() => import('../pages/leads/LeadsPage')),
    menu: { group: 'crm' },
    description: 'leads',
  },
  {
    key: 'lead',
    path: '/leads/:id',
    label: 'leads',
    icon: <BulbOutlined />,
    page: lazy(() => import('../pages/leads/LeadDetailPage')),
    menu: false,
  },
  {
    key: 'projects',
    path: '/projects',
    label: 'projects',
    icon: <FundProjectionScreenOutlined />,
    page: lazy(() => import('../pages/projects/ProjectsPage')),
    menu: { group: 'crm' },
    description: 'projects',
  },
  {
    key: 'project-board',
    path: '/projects/board',
    label: 'projectBoard',
    icon: <AppstoreOutlined />,
    page: lazy(() => import('../pages/projects/ProjectBoardPage')),
    menu: { group: 'crm' },
    description: 'projectBoard',
  },
  {
    // Every role may import (the API allows all); what staff may assign to others is checked per row.
    key: 'imports',
    path: '/imports',
    label: 'imports',
    icon: <ImportOutlined />,
    page: lazy(() => import('../pages/imports/ImportsPage')),
    menu: { group: 'crm' },
  },
  {
    key: 'project',
    path: '/projects/:id',
    label: 'projects',
    icon: <FundProjectionScreenOutlined />,
    page: lazy(() => import('../pages/projects/ProjectDetailPage')),
    menu: false,
  },
  {
    key: 'roadshows',
    path: '/roadshows',
    label: 'roadshows',
    icon: <CalendarOutlined />,
    page: lazy(() => import('../pages/roadshows/RoadshowsPage')),
    menu: { group: 'events' },
  },
  {
    key: 'roadshow',
    path: '/roadshows/:id',
    label: 'roadshows',
    icon: <CalendarOutlined />,
    page: lazy(() => import('../pages/roadshows/RoadshowDetailPage')),
    menu: false,
  },
  {
    key: 'delegations',
    path: '/delegations',
    label: 'delegations',
    icon: <CarOutlined />,
    page: lazy(() => import('../pages/delegations/DelegationsPage')),
    menu: { group: 'events' },
  },
  {
    key: 'delegation',
    path: '/delegations/:id',
    label: 'delegations',
    icon: <CarOutlined />,
    page: lazy(() => import('../pages/delegations/DelegationDetailPage')),
    menu: false,
  },
  {
    key: 'aftercare-mine',
    path: '/aftercare/mine',
    label: 'aftercareMine',
    icon: <SolutionOutlined />,
    page: lazy(() => import('../pages/aftercare/MyEnterprisesPage')),
    menu: { group: 'aftercare' },
  },
  {
    key: 'aftercare-companies',
    path: '/aftercare/companies',
    label: 'aftercareCompanies',
    icon: <ShopOutlined />,
    page: lazy(() => import('../pages/aftercare/AftercareCompaniesPage')),
    menu: { group: 'aftercare' },
  },
  {
    key: 'aftercare-company',
    path: '/aftercare/companies/:id',
    label: 'aftercareCompanies',
    icon: <ShopOutlined />,
    page: lazy(() => import('../pages/aftercare/AftercareCompanyPage')),
    menu: false,
  },
  {
    key: 'aftercare-requests',
    path: '/aftercare/requests',
    label: 'aftercareRequests',
    icon: <MessageOutlined />,
    page: lazy(() => import('../pages/aftercare/RequestsPage')),
    menu: { group: 'aftercare' },
  },
  {
    key: 'aftercare-request',
    path: '/aftercare/requests/:id',
    label: 'aftercareRequests',
    icon: <MessageOutlined />,
    page: lazy(() => import('../pages/aftercare/RequestDetailPage')),
    menu: false,
  },
  {
    key: 'aftercare-review',
    path: '/aftercare/review',
    label: 'aftercareReview',
    icon: <AlertOutlined />,
    page: lazy(() => import('../pages/aftercare/RequestReviewPage')),
    roles: ROLES_SEEING_ALL_TEAMS,
    menu: { group: 'aftercare' },
  },
  {
    key: 'aftercare-stats',
    path: '/aftercare/stats',
    label: 'aftercareStats',
    icon: <BarChartOutlined />,
    page: lazy(() => import('../pages/aftercare/RequestStatsPage')),
    roles: ROLES_SEEING_ALL_TEAMS,
    menu: { group: 'aftercare' },
  },
  {
    key: 'aftercare-cultivation',
    path: '/aftercare/cultivation',
    label: 'aftercareCultivation',
    icon: <RiseOutlined />,
    page: lazy(() => import('../pages/aftercare/CultivationPage')),
    menu: { group: 'aftercare' },
  },
  {
    key: 'promo-projects',
    path: '/promo-projects',
    label: 'promoProjects',
    icon: <QrcodeOutlined />,
    page: lazy(() => import('../pages/promo-projects/PromoProjectsPage')),
    menu: { group: 'promotion' },
    description: 'promoProjects',
  },
  {
    key: 'promo-project-new',
    path: '/promo-projects/new',
    label: 'promoProjects',
    icon: <QrcodeOutlined />,
    page: lazy(() => import('../pages/promo-projects/PromoProjectEditPage')),
    menu: false,
  },
  {
    key: 'promo-project',
    path: '/promo-projects/:id',
    label: 'promoProjects',
    icon: <QrcodeOutlined />,
    page: lazy(() => import('../pages/promo-projects/PromoProjectDetailPage')),
    menu: false,
  },
  {
    key: 'promo-project-edit',
    path: '/promo-projects/:id/edit',
    label: 'promoProjects',
    icon: <QrcodeOutlined />,
    page: lazy(() => import('../pages/promo-projects/PromoProjectEditPage')),
    menu: false,
  },
  {
    key: 'promo-project-stats',
    path: '/promo-projects/:id/stats',
    label: 'promoProjects',
    icon: <QrcodeOutlined />,
    page: lazy(() => import('../pages/promo-projects/PromoProjectStatsPage')),
    menu: false,
  },
  {
    key: 'notifications',
    path: '/notifications',
    label: 'notifications',
    icon: <BellOutlined />,
    page: lazy(() => import('../pages/notifications/NotificationsPage')),
    menu: false,
  },
  {
    key: 'users',
    path: '/admin/users',
    label: 'users',
    icon: <UserOutlined />,
    page: lazy(() => import('../pages/admin/UsersPage')),
    roles: ADMIN_ROLES,
    menu: { group: 'admin' },
    description: 'users',
  },
  {
    key: 'teams',
    path: '/admin/teams',
    label: 'teams',
    icon: <TeamOutlined />,
    page: lazy(() => import('../pages/admin/TeamsPage')),
    roles: ADMIN_ROLES,
    menu: { group: 'admin' },
    description: 'teams',
  },
  {
    key: 'org-units',
    path: '/admin/org-units',
    label: 'orgUnits',
    icon: <ApartmentOutlined />,
    page: lazy(() => import('../pages/admin/OrgUnitsPage')),
    roles: ADMIN_ROLES,
    menu: { group: 'admin' },
    description: 'orgUnits',
  },
];

export function canOpen(resource: ConsoleResource, role: Role): boolean {
  return !resource.roles || resource.roles.includes(role);
}

export type MenuEntry =
  { kind: 'item'; resource: ConsoleResource } | { kind: 'group'; group: MenuGroup; children: ConsoleResource[] };

/** The side menu for a role: top-level pages and non-empty groups, in table order. */
export function menuFor(role: Role, resources: readonly ConsoleResource[] = RESOURCES): MenuEntry[] {
  const entries: MenuEntry[] = [];
  for (const resource of resources) {
    if (!resource.menu || !canOpen(resource, role)) continue;
    const group = resource.menu.group;
    if (!group) {
      entries.push({ kind: 'item', resource });
      continue;
    }
    const existing = entries.find((entry) => entry.kind === 'group' && entry.group === group);
    if (existing && existing.kind === 'group') existing.children.push(resource);
    else entries.push({ kind: 'group', group, children: [resource] });
  }
  return entries;
}

/** The page a location belongs to: the longest path that is a prefix of it. */
export function resourceAt(
  pathname: string,
  resources: readonly ConsoleResource[] = RESOURCES,
): ConsoleResource | undefined {
  return [...resources]
    .sort((a, b) => b.path.length - a.path.length)
    .find((resource) =>
      resource.path === '/' ? pathname === '/' : pathname === resource.path || pathname.startsWith(`${resource.path}/`),
    );
}

/** The home page's quick links for a role. */
export function quickLinksFor(role: Role, resources: readonly ConsoleResource[] = RESOURCES): ConsoleResource[] {
  return resources.filter((resource) => resource.description && canOpen(resource, role));
}
