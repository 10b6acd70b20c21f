import { StarFilled } from '@ant-design/icons';
import type { CompanyDto } from '@lianqiao/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const TAG_COLORS: Record<string, string> = {
  global500: 'magenta',
  china500: 'volcano',
  listed: 'geekblue',
  srdi: 'cyan',
  high_tech: 'blue',
  above_scale: 'default',
};

/** Target or local, chain leader, and the company's tags. */
export function CompanyTags({ company, withKind = true }: { company: CompanyDto; withKind?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {withKind ? (
        company.isTarget ? (
          <Tag color="purple">{t('companies.kind.target')}</Tag>
        ) : (
          <Tag color="green">{t('companies.kind.local')}</Tag>
        )
      ) : null}
      {company.isChainLeader ? (
        <Tag color="gold" icon={<StarFilled />}>
          {t('chains.chainLeader')}
        </Tag>
      ) : null}
      {company.tags.map((tag) => (
        <Tag key={tag} color={TAG_COLORS[tag]} variant="outlined">
          {t(`companies.tags.${tag}`)}
        </Tag>
      ))}
    </Space>
  );
}
