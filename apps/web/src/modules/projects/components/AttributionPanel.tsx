import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import type { AttributionLinkDto } from '@lianqiao/contracts';
import { useAttribution } from '../hooks/useProjects';

const PATHS: Record<string, string> = {
  project: '/projects',
  lead: '/leads',
  company: '/companies',
  roadshow: '/roadshows',
  delegation: '/delegations',
  promo_project: '/promo-projects',
};

/** Where a signed deal came from: project ← lead ← the roadshow, trip, card or referrer that found it. */
export function AttributionPanel({ subject, id }: { subject: 'projects' | 'leads'; id: string }) {
  const { t } = useTranslation();
  const attribution = useAttribution(subject, id);
  if (attribution.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (attribution.isError) return <Alert type="error" showIcon title={describeError(attribution.error, t)} />;
  const chain = attribution.data?.chain ?? [];
  if (chain.length <= 1) {
    return (
      <Empty description={t(subject === 'leads' ? 'projects.detail.noSourceLink' : 'projects.detail.noAttribution')} />
    );
  }

  const node = (link: AttributionLinkDto) => {
    const path = PATHS[link.type];
    const name =
      link.visible && path ? (
        <Link to={`${path}/${link.id}`}>{link.name}</Link>
      ) : (
        <Typography.Text type={link.visible ? undefined : 'secondary'}>{link.name}</Typography.Text>
      );
    return (
      <Card size="small" style={{ minWidth: 160 }} data-testid="attribution-link">
        <Flex vertical gap={4}>
          <Flex gap={4} align="center">
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {link.typeLabel}
            </Tag>
            {link.deleted ? <Tag>{t('projects.detail.deleted')}</Tag> : null}
            {!link.visible && !link.deleted ? <Tag>{t('projects.detail.noAccess')}</Tag> : null}
          </Flex>
          <Typography.Text strong>{name}</Typography.Text>
          {link.at ? <Typography.Text type="secondary">{dayjs(link.at).format('YYYY-MM-DD')}</Typography.Text> : null}
        </Flex>
      </Card>
    );
  };

  return (
    <Flex vertical gap={12}>
      {attribution.data?.sourceLabel ? (
        <Typography.Text>
          {t('projects.detail.source')}：<Tag color="volcano">{attribution.data.sourceLabel}</Tag>
        </Typography.Text>
      ) : null}
      <Flex gap={8} align="center" wrap>
        {chain.map((link, index) => (
          <Fragment key={`${link.type}:${link.id}`}>
            {index > 0 ? <ArrowLeftOutlined style={{ color: 'rgba(0,0,0,0.35)' }} /> : null}
            {node(link)}
          </Fragment>
        ))}
      </Flex>
    </Flex>
  );
}
