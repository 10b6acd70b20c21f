import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Spin, Tooltip, type MenuProps } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './AppLayout.module.css';

const COLLAPSED_KEY = 'lianqiao.menuCollapsed';

export interface AppLayoutProps {
  /** The product mark at the top of the side menu; gets `collapsed` to shorten itself. */
  brand: (collapsed: boolean) => ReactNode;
  menuItems: MenuProps['items'];
  selectedKey: string | undefined;
  defaultOpenKeys?: string[];
  onNavigate: (key: string) => void;
  /** Right side of the header: language switch, user menu. */
  headerExtra: ReactNode;
  children: ReactNode;
}

function initiallyCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The console's frame: a collapsible navy side menu, a white header, and the page. */
export function AppLayout(props: AppLayoutProps) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  // On a phone the menu hides entirely and opens over the page from the header's button.
  const phone = Grid.useBreakpoint().md === false;
  const toggle = () => {
    setCollapsed((value) => {
      try {
        window.localStorage.setItem(COLLAPSED_KEY, value ? '0' : '1');
      } catch {
        // Preference only.
      }
      return !value;
    });
  };

  return (
    <Layout className={styles.root}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={224}
        collapsedWidth={phone ? 0 : 64}
        breakpoint="lg"
        onBreakpoint={(broken) => broken && setCollapsed(true)}
        className={phone ? `${styles.sider} ${styles.siderOverlay}` : styles.sider}
      >
        <div className={styles.brand}>{props.brand(collapsed)}</div>
        <Menu
          theme="dark"
          mode="inline"
          items={props.menuItems}
          selectedKeys={props.selectedKey ? [props.selectedKey] : []}
          defaultOpenKeys={props.defaultOpenKeys}
          onClick={({ key }) => {
            props.onNavigate(key);
            if (phone) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      {phone && !collapsed ? (
        <div className={styles.siderMask} aria-hidden onClick={() => setCollapsed(true)} data-testid="menu-mask" />
      ) : null}
      <Layout>
        <Layout.Header className={styles.header}>
          <Tooltip title={collapsed ? t('layout.expand') : t('layout.collapse')}>
            <Button
              type="text"
              aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
            />
          </Tooltip>
          <div className={styles.headerExtra}>{props.headerExtra}</div>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Suspense fallback={<PageSpinner />}>{props.children}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className={styles.spinner}>
      <Spin description={t('app.loading')} />
    </div>
  );
}
