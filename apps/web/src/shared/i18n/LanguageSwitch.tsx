import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from './index';

/** 中文 / English, always written in its own language so either reader can find it. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const value = currentLanguage();
  return (
    <Space size={6} aria-label={t('language.label')} data-language={i18n.language}>
      <GlobalOutlined style={{ color: 'rgba(0,0,0,0.45)' }} aria-hidden />
      <Segmented<Language>
        size={size}
        value={value}
        onChange={(language) => void setLanguage(language)}
        options={[
          { label: t('language.zh'), value: 'zh-CN' },
          { label: t('language.en'), value: 'en' },
        ]}
      />
    </Space>
  );
}
