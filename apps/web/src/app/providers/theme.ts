import type { ThemeConfig } from 'antd';

/** Fonts that render Simplified Chinese well on Windows, macOS and Linux desktops, then Latin fallbacks. */
export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', " +
  "'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export const BRAND = {
  primary: '#1f5fbf',
  navy: '#0b2447',
  navyDeep: '#081b36',
};

/** A calm government blue on light surfaces; the side menu in deep navy. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorInfo: BRAND.primary,
    colorLink: BRAND.primary,
    colorSuccess: '#2e8b57',
    colorWarning: '#d48806',
    colorError: '#c83a3a',
    colorBgLayout: '#f3f5f9',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: {
      siderBg: BRAND.navy,
      triggerBg: BRAND.navyDeep,
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 24px',
    },
    Menu: {
      darkItemBg: BRAND.navy,
      darkSubMenuItemBg: BRAND.navyDeep,
      darkItemSelectedBg: BRAND.primary,
      itemBorderRadius: 6,
    },
    Table: {
      headerBg: '#f7f9fc',
    },
  },
};
