import { act, fireEvent, screen } from '@testing-library/react';
import { Empty, Pagination } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { i18n } from '../index';
import { LanguageSwitch } from '../LanguageSwitch';

function Screen() {
  const { t } = useTranslation();
  return (
    <>
      <LanguageSwitch />
      <h1>{t('menu.users')}</h1>
      <p data-testid="date">{dayjs('2025-03-01').format('MMMM')}</p>
      <Empty />
      <Pagination total={50} showTotal={(total) => `${total}`} showSizeChanger />
    </>
  );
}

describe(LanguageSwitch.name, () => {
  beforeEach(() => resetConsole());
  afterAll(() => resetConsole());

  it('shows Chinese by default: our text, antd’s own text and dates', () => {
    renderInConsole(<Screen />);

    expect(screen.getByRole('heading').textContent).toBe('用户管理');
    expect(screen.getAllByText('暂无数据').length).toBeGreaterThan(0);
    expect(screen.getByTestId('date').textContent).toBe('三月');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches our text, antd’s locale and dayjs to English together, and remembers the choice', async () => {
    renderInConsole(<Screen />);

    await act(async () => {
      fireEvent.click(screen.getByText('English'));
    });

    expect(screen.getByRole('heading').textContent).toBe('Users');
    expect(screen.getAllByText('No data').length).toBeGreaterThan(0);
    expect(screen.queryByText('暂无数据')).toBeNull();
    expect(screen.getByText('10 / page')).toBeTruthy();
    expect(screen.getByTestId('date').textContent).toBe('March');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('lianqiao.language')).toBe('en');
  });

  it('switches back to Chinese', async () => {
    renderInConsole(<Screen />);
    await act(async () => {
      fireEvent.click(screen.getByText('English'));
    });

    await act(async () => {
      fireEvent.click(screen.getByText('中文'));
    });

    expect(screen.getByRole('heading').textContent).toBe('用户管理');
    expect(screen.getByText('10 条/页')).toBeTruthy();
    expect(window.localStorage.getItem('lianqiao.language')).toBe('zh-CN');
  });
});
