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

/**
 * A tag's text is its colour's 7th shade on the 1st; for these the 8th or 9th, to reach 4.5:1.
 * Set under both of antd's names for the shade (`green7`, `green-7`): they are one CSS variable.
 */
const TAG_TEXT = Object.fromEntries(
  Object.entries({
    volcano: '#ad2102',
    orange: '#ad4e00',
    gold: '#874d00',
    yellow: '#876800',
    lime: '#3f6600',
    green: '#237804',
    cyan: '#006d75',
  }).flatMap(([color, text]) => [
    [`${color}7`, text],
    [`${color}-7`, text],
  ]),
);

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
    // Text at least 4.5:1 (WCAG AA) on white, on the layout grey and on the board's columns: antd's
    // defaults (tertiary #8c8c8c 3.4:1, placeholder #bfbfbf 1.8:1) are too faint to read.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    ...TAG_TEXT,
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
