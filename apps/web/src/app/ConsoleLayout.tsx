import { App as AntdApp, type MenuProps } from 'antd';
import { lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { canOpen, MENU_GROUPS, menuFor, resourceAt } from '../config/resources';
import { UserMenu } from '../modules/auth/components/UserMenu';
import { useRefreshProfile } from '../modules/auth/hooks/useAuthActions';
import { useCurrentUser } from '../modules/auth/hooks/useSession';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { LanguageSwitch } from '../shared/i18n/LanguageSwitch';
import { AppLayout } from '../shared/layout';
import { BrandMark } from './BrandMark';

const ForbiddenPage = lazy(() => import('../pages/errors/ForbiddenPage'));

/** The signed-in frame: the menu the user's role may see, the header, and the page (if allowed). */
export default function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  useRefreshProfile();

  const current = resourceAt(location.pathname);
  const entries = useMemo(() => menuFor(user.role), [user.role]);
  const items: MenuProps['items'] = entries.map((entry) =>
    entry.kind === 'item'
      ? { key: entry.resource.key, icon: entry.resource.icon, label: t(`menu.${entry.resource.label}`) }
      : {
          key: `group:${entry.group}`,
          icon: MENU_GROUPS[entry.group].icon,
          label: t(`menu.${MENU_GROUPS[entry.group].label}`),
          children: entry.children.map((resource) => ({
            key: resource.key,
            icon: resource.icon,
            label: t(`menu.${resource.label}`),
          })),
        },
  );
  const openGroup = entries.find(
    (entry) => entry.kind === 'group' && current !== undefined && entry.children.includes(current),
  );

  return (
    <AntdApp>
      <AppLayout
        brand={(collapsed) => <BrandMark compact={collapsed} />}
        menuItems={items}
        selectedKey={current?.key}
        defaultOpenKeys={openGroup?.kind === 'group' ? [`group:${openGroup.group}`] : []}
        onNavigate={(key) => {
          const target = entries
            .flatMap((entry) => (entry.kind === 'item' ? [entry.resource] : entry.children))
            .find((resource) => resource.key === key);
          if (target) navigate(target.path);
        }}
        headerExtra={
          <>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </>
        }
      >
        {current && !canOpen(current, user.role) ? <ForbiddenPage /> : <Outlet />}
      </AppLayout>
    </AntdApp>
  );
}
